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
import { enqueueTaskChange } from '../outbox/task-outbox';
import { type TaskChangePayload, patchBetween } from '../outbox/task-change-ops';
import type { BulkChanges } from './put-tasks';
import type { TaskRestore } from './restore-tasks';
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

/** The change as the outbox keeps it: plain data, sent (and resumed) by task-change-ops.ts. */
function outboxPayloadOf(vars: BulkUpdateVariables): TaskChangePayload {
  const { target, changes, timeZone } = vars;
  if (target.kind === 'view') {
    return { kind: 'bulk-view', filters: target.filters, changes, createdBefore: target.createdBefore, total: vars.previous.length, timeZone };
  }
  const patch = vars.optimistic[0]?.after && vars.optimistic[0].before ? patchBetween(vars.optimistic[0].before, vars.optimistic[0].after) : {};
  return { kind: 'bulk-ids', ids: target.ids, changes, patch, previous: vars.previous, timeZone };
}


export function useBulkUpdateTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    networkMode: 'always',
    mutationFn: (vars: BulkUpdateVariables) =>
      enqueueTaskChange(outboxPayloadOf(vars), vars.description, vars.onProgress).result as Promise<number>,
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
