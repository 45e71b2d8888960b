import { describe, expect, it } from 'vitest';
import { queueProgress } from './queue-progress';

const none = new Set<string>();

describe('queue progress', () => {
  it('starts at 1 of everything in the inbox', () => {
    expect(queueProgress({ seen: new Set(['a']), skipped: none, loadedIds: ['a', 'b', 'c'], hasMore: false, count: undefined })).toEqual({
      done: 0,
      position: 1,
      total: 3,
      capped: false,
    });
  });

  it('counts a task done once it left the inbox or was skipped', () => {
    // a completed (gone), b skipped (still there), c on screen.
    const p = queueProgress({ seen: new Set(['a', 'b', 'c']), skipped: new Set(['b']), loadedIds: ['b', 'c', 'd'], hasMore: false, count: undefined });
    expect(p).toMatchObject({ done: 2, position: 3, total: 4 });
  });

  it('does not count a task that came back (Undo)', () => {
    // a was completed, b shown, then a undone: a is current again.
    const p = queueProgress({ seen: new Set(['a', 'b']), skipped: none, loadedIds: ['a', 'b', 'c'], hasMore: false, count: undefined });
    expect(p).toMatchObject({ done: 0, position: 1, total: 3 });
  });

  it('takes the rest from the server count when more pages exist, and says when it is capped', () => {
    const p = queueProgress({
      seen: new Set(['a']),
      skipped: none,
      loadedIds: ['a', 'b'],
      hasMore: true,
      count: { count: 1_000, capped: true },
    });
    expect(p).toEqual({ done: 0, position: 1, total: 1_000, capped: true });
  });
});
