/**
 * Many tasks at once through Close's bulk `PUT /task/` (assigned_to, date, is_complete only).
 *   - A selection: the ids go in the body's `_params.id__in`, 1,000 per request, with progress.
 *     Each request is all-or-nothing on the server; if a later chunk fails, the chunks already
 *     applied are put back, so the whole change is all-or-nothing too.
 *   - "Everything matching this view": one request whose query string is the view's own filters,
 *     which the server applies in one transaction. `date_created__lte` (the preview's moment)
 *     keeps tasks created after the preview out of it, so Undo knows every task it changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskListFilters } from '../utils/task-view-rules';
import { BULK_CHUNK_SIZE, type BulkChanges, putTasksByIds, putTasksInView } from './put-tasks';
import { type TaskRestore, restoreTasks } from './restore-tasks';
import { type TaskChange, applyTaskChanges, invertChanges, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

export type BulkTarget =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'view'; filters: TaskListFilters; createdBefore: string };

export type BulkProgress = (done: number, total: number) => void;

export type BulkUpdateVariables = {
  target: BulkTarget;
  changes: BulkChanges;
  /** Every affected task's previous values (for rollback and Undo). */
  previous: TaskRestore[];
  /** What changes on screen: the affected tasks that are loaded. */
  optimistic: TaskChange[];
  timeZone: string;
  /** "reassign 312 tasks to Maya Patel": for the error message. */
  description: string;
  onProgress?: BulkProgress;
};

export async function runBulkUpdate(vars: BulkUpdateVariables): Promise<number> {
  const { target, changes, timeZone, onProgress } = vars;
  if (target.kind === 'view') {
    onProgress?.(0, vars.previous.length);
    const updated = await putTasksInView(target.filters, changes, target.createdBefore);
    onProgress?.(vars.previous.length, vars.previous.length);
    return updated ?? vars.previous.length;
  }
  const applied: string[] = [];
  let updated = 0;
  for (let i = 0; i < target.ids.length; i += BULK_CHUNK_SIZE) {
    const chunk = target.ids.slice(i, i + BULK_CHUNK_SIZE);
    try {
      updated += await putTasksByIds(chunk, changes, timeZone);
    } catch (error) {
      if (applied.length === 0) throw error;
      await rollBack(vars.previous, new Set(applied), timeZone, error);
    }
    applied.push(...chunk);
    onProgress?.(applied.length, target.ids.length);
  }
  return updated;
}

async function rollBack(previous: readonly TaskRestore[], applied: Set<string>, timeZone: string, cause: unknown): Promise<never> {
  const reason = cause instanceof Error ? cause.message : String(cause);
  try {
    await restoreTasks(previous.filter((p) => applied.has(p.id)), timeZone);
  } catch {
    throw new Error(`${reason} ${applied.size} tasks had already changed and could not all be put back; reload to see their state.`);
  }
  throw new Error(`${reason} Nothing was changed.`);
}

export function useBulkUpdateTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    mutationFn: runBulkUpdate,
    onMutate: ({ optimistic }) => {
      applyTaskChanges(queryClient, optimistic);
      return { optimistic };
    },
    onError: (_e, _v, context) => {
      if (context) applyTaskChanges(queryClient, invertChanges(context.optimistic));
    },
    onSettled: () => void settleTaskChange(queryClient),
    meta: { describeFailure: (vars) => `Couldn't ${(vars as BulkUpdateVariables).description}` },
  });
}
