/**
 * Lets keyboard shortcuts drive the player of the focused card without threading refs through
 * the list: a player mounted with `registryKey` (the task id) can be found by that key. Also keeps
 * to one playing recording at a time, which is what a rep going through voicemails expects.
 */

export const PLAYBACK_RATES = [1, 1.5, 2] as const;
export type PlaybackRate = (typeof PLAYBACK_RATES)[number];

export type AudioPlayerHandle = {
  play(): void;
  pause(): void;
  toggle(): void;
  /** Next speed up (stops at the fastest). */
  faster(): void;
  /** Next speed down (stops at 1×). */
  slower(): void;
  isPlaying(): boolean;
  playbackRate(): PlaybackRate;
};

/** Per key, every mounted player, newest last: the same task can show in its card and, larger, in a dialog. */
const byKey = new Map<string, AudioPlayerHandle[]>();
const mounted = new Set<AudioPlayerHandle>();

/** Registers a mounted player; the returned function unregisters it. */
export function registerAudioPlayer(handle: AudioPlayerHandle, key?: string): () => void {
  mounted.add(handle);
  if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), handle]);
  return () => {
    mounted.delete(handle);
    if (key === undefined) return;
    const rest = (byKey.get(key) ?? []).filter((h) => h !== handle);
    if (rest.length) byKey.set(key, rest);
    else byKey.delete(key);
  };
}

/** The player of the card with this key (a task id), if it is mounted; the newest when there are two. */
export function getAudioPlayer(key: string): AudioPlayerHandle | undefined {
  return byKey.get(key)?.at(-1);
}

/** Pauses every mounted player except `current`. */
export function pauseOtherAudioPlayers(current?: AudioPlayerHandle): void {
  for (const handle of mounted) if (handle !== current && handle.isPlaying()) handle.pause();
}
