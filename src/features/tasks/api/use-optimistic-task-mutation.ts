import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task } from '@/shared/close/schemas';
import { taskTitle } from '../utils/task-title';
import { type TaskChange, applyTaskChanges, invertChanges, replaceTaskCopies, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type SingleTaskVariables = { task: Task; timeZone: string };

type Options<TVars extends SingleTaskVariables> = {
  /** The task as it will be once the server agrees. */
  optimistic: (vars: TVars) => Task;
  request: (vars: TVars) => Promise<Task>;
  /** "complete", "reopen", "snooze", …: goes into "Couldn't complete “Call Dana”". */
  verb: string;
};

/**
 * One task, changed on screen at once and then on the server. Shares the mutation key of every
 * task change, so the lists refresh only after the last concurrent change settles.
 */
export function useOptimisticTaskMutation<TVars extends SingleTaskVariables>({ optimistic, request, verb }: Options<TVars>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    mutationFn: async (vars: TVars) => {
      // The request starts in a task of its own: building and sending it (headers, zone offset,
      // fetch) would otherwise run before the optimistic change is rendered, in the task of the
      // key press or click, and hold back the frame that shows it.
      await nextTask();
      return request(vars);
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
