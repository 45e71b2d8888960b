import type { OutboxLocks } from './outbox';

/**
 * The browser's Web Locks: a lock is held across every tab of the origin and released when its
 * holder lets go or its tab closes, so a record is sent by one tab at a time, and taken over by
 * another tab once the one working on it is gone.
 */
export function webLocks(): OutboxLocks | undefined {
  if (typeof navigator === 'undefined' || !navigator.locks) return undefined;
  const locks = navigator.locks;
  return {
    hold: (name) =>
      new Promise((held) => {
        void locks.request(name, () => new Promise<void>((release) => held(release)));
      }),
  };
}
