import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export function useCompleteTask() {
  return useOptimisticTaskMutation<SingleTaskVariables>({
    verb: 'complete',
    optimistic: ({ task }) => ({ ...task, is_complete: true }),
    body: () => ({ is_complete: true }),
  });
}
