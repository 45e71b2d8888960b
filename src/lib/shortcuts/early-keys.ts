/**
 * Keys typed at a server-rendered page before the app took it over (held by the page's inline
 * script, HOLD_EARLY_KEYS in src/server/first-view-inline-scripts.ts), replayed once the shortcuts
 * are live: what a page whose main thread was busy would have done with them, only later.
 */
import { EARLY_KEYS_GLOBAL, type EarlyKey, type HeldEarlyKeys } from '@/shared/first-view';

/** Keys older than this when the app is ready are dropped: whoever typed them has moved on. */
export const EARLY_KEY_MAX_AGE_MS = 5_000;

type PageWithEarlyKeys = { [EARLY_KEYS_GLOBAL]?: HeldEarlyKeys };

/** Stops holding keys and returns the ones still fresh; none on a page the server did not render. */
export function takeEarlyKeys(now: number = performance.now()): EarlyKey[] {
  const page = window as unknown as PageWithEarlyKeys;
  const held = page[EARLY_KEYS_GLOBAL];
  if (!held) return [];
  held.stop();
  delete page[EARLY_KEYS_GLOBAL];
  return held.keys.filter((key) => now - key.at <= EARLY_KEY_MAX_AGE_MS);
}

/**
 * Dispatches each key as a keydown to whatever has the focus, one per task so that what a key
 * changed has rendered before the next one comes, as when typing. Where the user had put the
 * focus on a card (a click on it) before a key, that card gets it first via `focusTask`; only
 * when it changes between keys, since the app's own moves (`j`) must not be undone. When that
 * card is not on the app's screen (`focusTask` says false), its keys are dropped: they were
 * meant for it, not for whichever card has the focus now.
 */
export function replayEarlyKeys(keys: readonly EarlyKey[], focusTask: (taskId: string) => boolean): void {
  let focusedBefore: string | null = null;
  let missing: string | null = null;
  const replay = (index: number) => {
    const key = keys[index];
    if (!key) return;
    const cardChanged = key.taskId !== null && key.taskId !== focusedBefore;
    focusedBefore = key.taskId;
    if (cardChanged) missing = focusTask(key.taskId!) ? null : key.taskId;
    if (key.taskId !== null && key.taskId === missing) return replay(index + 1);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: key.key, code: key.code, shiftKey: key.shiftKey, repeat: key.repeat, bubbles: true, cancelable: true }),
    );
    setTimeout(() => replay(index + 1), 0);
  };
  if (keys.length > 0) setTimeout(() => replay(0), 0);
}
