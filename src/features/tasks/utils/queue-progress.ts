/**
 * Where queue mode stands: "12 of 40". The queue is the live inbox minus what was skipped, so the
 * numbers come from what was shown, what is still in the inbox, and the server's count.
 */
export type QueueProgress = {
  /** Shown and then acted on (gone from the inbox) or skipped. */
  done: number;
  /** 1-based place of the task on screen. */
  position: number;
  total: number;
  /** The total is a lower bound (the count stopped at its cap). */
  capped: boolean;
};

export function queueProgress({
  seen,
  skipped,
  loadedIds,
  hasMore,
  count,
}: {
  /** Every task the queue has put on screen. */
  seen: ReadonlySet<string>;
  skipped: ReadonlySet<string>;
  /** The inbox's loaded tasks, now. */
  loadedIds: readonly string[];
  hasMore: boolean;
  /** The inbox's count on the server (list-tasks.ts's TaskCount), if known. */
  count: { count: number; capped: boolean } | undefined;
}): QueueProgress {
  const live = new Set(loadedIds);
  // An undone task is back in the inbox, so it is not done, even though it was shown.
  const done = [...seen].filter((id) => skipped.has(id) || !live.has(id)).length;
  const skippedInInbox = loadedIds.filter((id) => skipped.has(id)).length;
  const remainingLoaded = loadedIds.length - skippedInInbox;
  // Past the loaded pages only the server's count knows how many are left (skipped ones count there too).
  const remaining = hasMore && count ? Math.max(remainingLoaded, count.count - skippedInInbox) : remainingLoaded;
  return { done, position: done + 1, total: done + remaining, capped: hasMore && Boolean(count?.capped) };
}
