/**
 * Undo as a mutation: the previous values go back on screen at once and to the server through the
 * outbox (restore-tasks.ts says how). It lives apart from restore-tasks.ts, which the outbox runs:
 * the outbox imports that file and this one imports the outbox, so neither imports the other back.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enqueueTaskChange } from '../outbox/task-outbox';
import type { RestoreProgress, TaskRestore } from './restore-tasks';
import { type TaskChange, applyTaskChanges, invertChanges, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

export type UndoVariables = {
  label: string;
  restore: TaskRestore[];
  /** The changes the action made to tasks known in full, undone on screen at once. */
  changes: TaskChange[];
  timeZone: string;
  onProgress?: RestoreProgress;
};

export function useRestoreTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    networkMode: 'always',
    mutationFn: ({ label, restore, timeZone, onProgress }: UndoVariables) =>
      enqueueTaskChange({ kind: 'restore', items: restore, timeZone }, `undo ${label}`, onProgress).result.then(() => undefined),
    onMutate: ({ changes }) => {
      const undo = invertChanges(changes);
      applyTaskChanges(queryClient, undo);
      return { undo };
    },
    onError: (_e, _v, context) => {
      if (context) applyTaskChanges(queryClient, invertChanges(context.undo));
    },
    onSettled: () => void settleTaskChange(queryClient),
    meta: { describeFailure: (vars) => `Couldn't undo ${(vars as UndoVariables).label}` },
  });
}
