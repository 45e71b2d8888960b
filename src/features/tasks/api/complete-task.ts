import { putTask } from './put-task';
import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export const completeTask = ({ task, timeZone }: SingleTaskVariables) => putTask(task.id, { is_complete: true }, timeZone);

export function useCompleteTask() {
  return useOptimisticTaskMutation({
    verb: 'complete',
    optimistic: ({ task }) => ({ ...task, is_complete: true }),
    request: completeTask,
  });
}
