import { putTask } from './put-task';
import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export type ReassignTaskVariables = SingleTaskVariables & { userId: string; userName: string };

export const reassignTask = ({ task, userId, timeZone }: ReassignTaskVariables) => putTask(task.id, { assigned_to: userId }, timeZone);

export function useReassignTask() {
  return useOptimisticTaskMutation<ReassignTaskVariables>({
    verb: 'reassign',
    optimistic: ({ task, userId, userName }) => ({ ...task, assigned_to: userId, assigned_to_name: userName }),
    request: reassignTask,
  });
}
