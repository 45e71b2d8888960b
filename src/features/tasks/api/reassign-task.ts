import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export type ReassignTaskVariables = SingleTaskVariables & { userId: string; userName: string };

export function useReassignTask() {
  return useOptimisticTaskMutation<ReassignTaskVariables>({
    verb: 'reassign',
    optimistic: ({ task, userId, userName }) => ({ ...task, assigned_to: userId, assigned_to_name: userName }),
    body: ({ userId }) => ({ assigned_to: userId }),
  });
}
