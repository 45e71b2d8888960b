import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTaskBody, Task } from '@/shared/close/schemas';
import { taskApi } from '@/lib/task-api';
import { enqueueTaskChange } from '../outbox/task-outbox';
import { applyTaskChanges, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

/** `pending`: the task as the lists show it until the server answers (utils/pending-task.ts). */
export type CreateTaskVariables = { body: CreateTaskBody; timeZone: string; pending?: Task };

/** A lead task (the only type Close lets clients create). */
export function createTask({ body, timeZone }: CreateTaskVariables): Promise<Task> {
  return taskApi.createTask(body, timeZone);
}

let createSeq = 0;

/**
 * Optimistic: the pending task joins every list it belongs to at once, and the server's task
 * takes its place when it answers. On a refusal the pending task leaves again, and the form
 * (still open: it closes on success) shows the server's per-field reasons.
 */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    networkMode: 'always',
    // Through the outbox: kept, retried and sent once (it checks for a task its lost answer made).
    mutationFn: ({ body, timeZone, pending }: CreateTaskVariables) =>
      enqueueTaskChange({ kind: 'create', body, timeZone, pending: pending ?? null, key: `create-${Date.now()}-${++createSeq}` }, 'create the task').result as Promise<Task>,
    onMutate: ({ pending }) => {
      if (pending) applyTaskChanges(queryClient, [{ before: null, after: pending }]);
    },
    onSuccess: (saved, { pending }) => applyTaskChanges(queryClient, [{ before: pending ?? null, after: saved }]),
    onError: (_error, { pending }) => {
      if (pending) applyTaskChanges(queryClient, [{ before: pending, after: null }]);
    },
    onSettled: () => void settleTaskChange(queryClient),
    // The form shows the server's reasons next to the fields.
    meta: { describeFailure: () => "Couldn't create the task", showsOwnErrors: true },
  });
}
