import { putTask } from './put-task';
import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export const reopenTask = ({ task, timeZone }: SingleTaskVariables) => putTask(task.id, { is_complete: false }, timeZone);

export function useReopenTask() {
  return useOptimisticTaskMutation({
    verb: 'reopen',
    optimistic: ({ task }) => ({ ...task, is_complete: false }),
    request: reopenTask,
  });
}
