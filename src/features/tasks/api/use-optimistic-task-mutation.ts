import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task, UpdateTaskBody } from '@/shared/close/schemas';
import { patchBetween } from '../outbox/task-change-ops';
import { enqueueTaskChange } from '../outbox/task-outbox';
import { taskTitle } from '../utils/task-title';
import { type TaskChange, applyTaskChanges, invertChanges, replaceTaskCopies, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

export type SingleTaskVariables = {
  task: Task;
  timeZone: string;
  /** Told the change's outbox id as soon as it is queued (Undo cancels a change not yet sent). */
  onQueued?: (outboxId: string) => void;
};

type Options<TVars extends SingleTaskVariables> = {
  /** The task as it will be once the server agrees. */
  optimistic: (vars: TVars) => Task;
  /** The fields `PUT /task/{id}/` sets. */
  body: (vars: TVars) => UpdateTaskBody;
  /** "complete", "reopen", "snooze", …: goes into "Couldn't complete “Call Dana”". */
  verb: string;
};

/**
 * One task, changed on screen at once and then on the server through the outbox (which keeps,
 * orders and retries it). Shares the mutation key of every task change, so the lists refresh
 * only after the last concurrent change settles. `networkMode: 'always'`: offline, the change
 * still goes into the outbox (and so survives a reload) instead of waiting in memory.
 */
export function useOptimisticTaskMutation<TVars extends SingleTaskVariables>({ optimistic, body, verb }: Options<TVars>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    networkMode: 'always',
    mutationFn: (vars: TVars) => {
      const after = optimistic(vars);
      const patch = body(vars);
      // The outbox sends it in a task of its own, after the optimistic change is rendered.
      const queued = enqueueTaskChange(
        { kind: 'update', taskId: vars.task.id, body: patch, before: vars.task, patch: patchBetween(vars.task, after), timeZone: vars.timeZone },
        `${verb} “${taskTitle(vars.task)}”`,
      );
      vars.onQueued?.(queued.id);
      return queued.result as Promise<Task>;
    },
    onMutate: (vars) => {
      const changes: TaskChange[] = [{ before: vars.task, after: optimistic(vars) }];
      applyTaskChanges(queryClient, changes);
      return { changes };
    },
    onSuccess: (saved, _vars, context) => {
      // The server's copy replaces the guess (normalized date, date_updated, names), unless a
      // later action has already changed the task on screen.
      const guess = context.changes[0]?.after;
      if (guess) replaceTaskCopies(queryClient, guess, saved);
    },
    onError: (_error, _vars, context) => {
      if (context) applyTaskChanges(queryClient, invertChanges(context.changes));
    },
    onSettled: () => void settleTaskChange(queryClient),
    meta: { describeFailure: (vars) => `Couldn't ${verb} “${taskTitle((vars as TVars).task)}”` },
  });
}

