/**
 * The optimistic half of task changes, shared by every task mutation:
 *   - onMutate: cancel in-flight task reads (so a late answer cannot overwrite the change), then
 *     move each changed task in every cached list and adjust every cached count — synchronously,
 *     so the screen changes in the frame of the click;
 *   - onError: apply the inverse change (not a whole-cache snapshot, which would also undo other
 *     actions still in flight);
 *   - onSettled: refresh the lists only when the last task change settles (the counts after a
 *     pause), and tell the other tabs.
 */
import { type QueryClient, notifyManager } from '@tanstack/react-query';
import type { Task } from '@/shared/close/schemas';
import { type TaskPages, findLoadedTasks, reconcileTasksInPages } from '../utils/task-pages';
import { type TaskListFilters, taskMatchesFilters } from '../utils/task-view-rules';
import type { TaskCount } from './list-tasks';
import { taskKeys } from './task-keys';

export type TaskChange = { before: Task | null; after: Task | null };

export function invertChanges(changes: readonly TaskChange[]): TaskChange[] {
  return changes.map(({ before, after }) => ({ before: after, after: before }));
}

export function applyTaskChanges(queryClient: QueryClient, changes: readonly TaskChange[], nowMs: number = Date.now()): void {
  if (changes.length === 0) return;
  // One notification for every list and count, so the screen changes in a single render.
  notifyManager.batch(() => writeTaskChanges(queryClient, changes, nowMs));
}

function writeTaskChanges(queryClient: QueryClient, changes: readonly TaskChange[], nowMs: number): void {
  // Synchronous: a cancelled fetch reverts its query right here, before the change is written.
  // Only reads of something shown are cancelled: a first load (a tab's count while the page
  // starts) has nothing to overwrite, and cancelling it only throws and asks again; the refresh
  // when the change settles corrects what it brings.
  void queryClient.cancelQueries({ queryKey: taskKeys.all, predicate: (query) => query.state.data !== undefined });
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() })) {
    if (!data) continue;
    const filters = key[2] as TaskListFilters;
    queryClient.setQueryData<TaskPages>(key, reconcileTasksInPages(data, changes, filters, nowMs).pages);
  }
  for (const [key, data] of queryClient.getQueriesData<TaskCount>({ queryKey: taskKeys.counts() })) {
    if (!data) continue;
    const filters = key[2] as TaskListFilters;
    let delta = 0;
    for (const { before, after } of changes) {
      delta += Number(after ? taskMatchesFilters(after, filters, nowMs) : false);
      delta -= Number(before ? taskMatchesFilters(before, filters, nowMs) : false);
    }
    if (delta !== 0) queryClient.setQueryData<TaskCount>(key, { ...data, count: Math.max(0, data.count + delta) });
  }
}

/** Same fields, same values (arrays by reference: the cache shares unchanged ones). */
function sameTask(a: Task, b: Task): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * Swaps the optimistic `guess` for the server's `saved` copy wherever the guess is still what is
 * shown. (The cache copies objects it stores, so "still shown" is equality, not identity.)
 */
export function replaceTaskCopies(queryClient: QueryClient, guess: Task, saved: Task): void {
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() })) {
    if (!data) continue;
    let found = false;
    const pages = data.pages.map((p) => {
      if (!p.data.some((t) => t.id === guess.id && sameTask(t, guess))) return p;
      found = true;
      return { ...p, data: p.data.map((t) => (t.id === guess.id && sameTask(t, guess) ? saved : t)) };
    });
    if (found) queryClient.setQueryData<TaskPages>(key, { ...data, pages });
  }
}

/** The loaded copies of these tasks, from any cached list. */
export function loadedTasks(queryClient: QueryClient, ids: Iterable<string>): Map<string, Task> {
  const lists = queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() }).map(([, data]) => data);
  return findLoadedTasks(lists, ids);
}

const CHANNEL_NAME = 'triage';
export type TriageBroadcast = { type: 'tasks-changed' };

let channel: BroadcastChannel | null | undefined;
export function triageChannel(): BroadcastChannel | null {
  if (channel === undefined) channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  return channel;
}

/**
 * How long task changes must pause before the tab counts are read again. Close has no count, so
 * reading the three tabs' counts is up to fifteen requests; after every key press of a run of
 * completes they kept the main thread and the API busy while the next key arrived. The counts
 * already moved with each change (applyTaskChanges); the server's figures follow once the user
 * pauses.
 */
export const COUNT_REFRESH_PAUSE_MS = 2_000;
const countRefreshes = new WeakMap<QueryClient, ReturnType<typeof setTimeout>>();

function refreshCountsAfterPause(queryClient: QueryClient): void {
  clearTimeout(countRefreshes.get(queryClient));
  countRefreshes.set(
    queryClient,
    setTimeout(() => {
      countRefreshes.delete(queryClient);
      // A change still on its way will settle and ask again.
      if (queryClient.isMutating({ mutationKey: taskKeys.update() }) === 0) void queryClient.invalidateQueries({ queryKey: taskKeys.counts() });
    }, COUNT_REFRESH_PAUSE_MS),
  );
}

/**
 * Refresh after the last concurrent task change, so an early refetch cannot undo a later
 * optimistic one: the lists at once (a completed task's place is taken by the next one the server
 * has), the counts after a pause.
 */
export async function settleTaskChange(queryClient: QueryClient): Promise<void> {
  if (queryClient.isMutating({ mutationKey: taskKeys.update() }) !== 1) return;
  triageChannel()?.postMessage({ type: 'tasks-changed' } satisfies TriageBroadcast);
  refreshCountsAfterPause(queryClient);
  await queryClient.invalidateQueries({ queryKey: taskKeys.all, predicate: (query) => query.queryKey[1] !== taskKeys.counts()[1] });
}
