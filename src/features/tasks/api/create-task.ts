import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CreateTaskBody, type Task, TaskSchema } from '@/shared/close/schemas';
import { apiRequest } from '@/lib/api-client';
import { applyTaskChanges, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

export type CreateTaskVariables = { body: CreateTaskBody; timeZone: string };

/** `POST /task/`: a lead task (the only type Close lets clients create). */
export function createTask({ body, timeZone }: CreateTaskVariables): Promise<Task> {
  return apiRequest({ method: 'POST', path: '/task/', body: { _type: 'lead', ...body }, schema: TaskSchema, timeZone });
}

/**
 * Not optimistic: the task has no id until the server gives it one, and the form shows the
 * server's per-field reasons. Once created it goes straight into every list it belongs to.
 */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    mutationFn: createTask,
    onSuccess: (saved) => applyTaskChanges(queryClient, [{ before: null, after: saved }]),
    onSettled: () => void settleTaskChange(queryClient),
    // The form shows the server's reasons next to the fields.
    meta: { describeFailure: () => "Couldn't create the task", showsOwnErrors: true },
  });
}
