/**
 * An accessible audio player for voicemails and call recordings.
 *
 * The native `<audio>` element has no `controls`: its built-in controls differ per browser, can't
 * be labelled per card and don't follow dark mode. `preload="none"` matters: a list renders
 * hundreds of cards and none of them may download audio until the rep presses play.
 * The seek bar is a native range input rather than react-aria's Slider, because the Slider derives
 * `aria-valuetext` from a number format and a screen reader must hear "0:05 of 0:21", not "5".
 */
import { type Ref, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { AlertIcon, PauseIcon, PlayIcon } from '@/components/icons';
import {
  type AudioPlayerHandle,
  PLAYBACK_RATES,
  type PlaybackRate,
  pauseOtherAudioPlayers,
  registerAudioPlayer,
} from '@/components/audio-player-registry';
import { formatPlaybackTime } from '@/lib/format-playback-time';

export type AudioPlayerProps = {
  /** Where to load the audio from (already routed through our media proxy); null = unavailable. */
  src: string | null;
  /** Length in seconds known before the audio's metadata loads (Close's `voicemail_duration`). */
  durationHint?: number | null;
  /** What is being played, lower case: names the controls ("Play voicemail", "Seek voicemail"). */
  label?: string;
  /** Names the whole player group for context, e.g. "Voicemail from +1 631-423-8017". */
  groupLabel?: string;
  /** Registers the player under this key (a task id) for keyboard shortcuts: see getAudioPlayer. */
  registryKey?: string;
  ref?: Ref<AudioPlayerHandle>;
  className?: string;
};

function knownDuration(seconds: number | null | undefined): number | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

export function AudioPlayer({
  src,
  durationHint,
  label = 'voicemail',
  groupLabel,
  registryKey,
  ref,
  className = '',
}: AudioPlayerProps) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [loadedDuration, setLoadedDuration] = useState<number | null>(null);
  const [rate, setRate] = useState<PlaybackRate>(1);
  const [error, setError] = useState<string | null>(null);

  // A new source starts over (React's "adjust state when a prop changes" pattern).
  const [stateSrc, setStateSrc] = useState(src);
  if (stateSrc !== src) {
    setStateSrc(src);
    setIsPlaying(false);
    setPosition(0);
    setLoadedDuration(null);
    setError(null);
  }

  const duration = loadedDuration ?? knownDuration(durationHint);
  const errorMessage = `Couldn't load the ${label}.`;

  // Handle methods read the latest state through refs so the handle itself stays stable.
  const stateRef = useRef({ isPlaying, rate, error });
  useLayoutEffect(() => {
    stateRef.current = { isPlaying, rate, error };
  }, [isPlaying, rate, error]);

  const play = useCallback(() => {
    const audio = audioRef.current;
    if (!audio) return;
    if (stateRef.current.error) {
      // Try again from scratch after a failed load.
      setError(null);
      audio.load();
    }
    audio.play().catch((err: unknown) => {
      // A pause() racing the start rejects with AbortError; that is not a failure.
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setIsPlaying(false);
      setError(errorMessage);
    });
  }, [errorMessage]);

  const pause = useCallback(() => audioRef.current?.pause(), []);

  const handle = useMemo<AudioPlayerHandle>(
    () => ({
      play,
      pause,
      toggle: () => (stateRef.current.isPlaying ? pause() : play()),
      faster: () => setRate((r) => PLAYBACK_RATES[Math.min(PLAYBACK_RATES.indexOf(r) + 1, PLAYBACK_RATES.length - 1)]!),
      slower: () => setRate((r) => PLAYBACK_RATES[Math.max(PLAYBACK_RATES.indexOf(r) - 1, 0)]!),
      isPlaying: () => stateRef.current.isPlaying,
      playbackRate: () => stateRef.current.rate,
    }),
    [play, pause],
  );

  useImperativeHandle(ref, () => handle, [handle]);
  useEffect(() => (src ? registerAudioPlayer(handle, registryKey) : undefined), [handle, registryKey, src]);

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    // A (re)load resets playbackRate to defaultPlaybackRate, so both carry the choice.
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }, [rate]);

  const seek = (seconds: number) => {
    const audio = audioRef.current;
    if (!audio || !Number.isFinite(seconds)) return;
    audio.currentTime = seconds;
    setPosition(seconds);
  };

  const cycleRate = () => setRate((r) => PLAYBACK_RATES[(PLAYBACK_RATES.indexOf(r) + 1) % PLAYBACK_RATES.length]!);

  if (!src) {
    return (
      <p className={`flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400 ${className}`}>
        <AlertIcon className="size-3.5 shrink-0" />
        Recording unavailable
      </p>
    );
  }

  const elapsed = formatPlaybackTime(position);
  const total = formatPlaybackTime(duration);
  const playName = `${isPlaying ? 'Pause' : 'Play'} ${label}`;
  const rateText = `${rate}×`;

  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <div role="group" aria-label={groupLabel ?? `${label.charAt(0).toUpperCase()}${label.slice(1)} player`} className="flex min-w-0 items-center gap-2">
        <audio
          ref={audioRef}
          src={src}
          preload="none"
          onPlay={() => {
            setIsPlaying(true);
            setError(null);
            pauseOtherAudioPlayers(handle);
          }}
          onPause={() => setIsPlaying(false)}
          onEnded={() => setIsPlaying(false)}
          onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
          onLoadedMetadata={(e) => setLoadedDuration(knownDuration(e.currentTarget.duration))}
          onDurationChange={(e) => setLoadedDuration(knownDuration(e.currentTarget.duration))}
          onError={() => {
            setIsPlaying(false);
            setError(errorMessage);
          }}
        />
        <Button
          aria-label={playName}
          onPress={handle.toggle}
          className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white outline-none hover:bg-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 data-[pressed]:bg-indigo-800 motion-safe:transition-colors dark:bg-indigo-500 dark:text-slate-950 dark:hover:bg-indigo-400 dark:focus-visible:ring-offset-slate-900"
        >
          {isPlaying ? <PauseIcon className="size-3.5" /> : <PlayIcon className="size-3.5" />}
        </Button>
        <input
          type="range"
          aria-label={`Seek ${label}`}
          aria-valuetext={duration === null ? elapsed : `${elapsed} of ${total}`}
          min={0}
          max={duration ?? 0}
          step={1}
          value={Math.min(position, duration ?? position)}
          disabled={duration === null}
          onChange={(e) => seek(Number(e.currentTarget.value))}
          className="h-1.5 min-w-12 flex-1 cursor-pointer accent-indigo-600 disabled:cursor-default disabled:opacity-50 dark:accent-indigo-400"
        />
        <span aria-hidden="true" className="shrink-0 font-mono text-xs tabular-nums text-slate-600 dark:text-slate-400">
          {elapsed} / {total}
        </span>
        <Button
          aria-label={`Playback speed ${rateText}`}
          onPress={cycleRate}
          className="h-6 min-w-9 shrink-0 rounded border border-slate-300 px-1 text-xs font-medium tabular-nums text-slate-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 data-[pressed]:bg-slate-200 motion-safe:transition-colors dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800 dark:data-[pressed]:bg-slate-700"
        >
          {rateText}
        </Button>
      </div>
      {error && (
        <p role="alert" className="flex items-center gap-1.5 text-xs font-medium text-red-700 dark:text-red-400">
          <AlertIcon className="size-3.5 shrink-0" />
          {error}
        </p>
      )}
    </div>
  );
}
