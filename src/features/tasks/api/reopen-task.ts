import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

export function useReopenTask() {
  return useOptimisticTaskMutation<SingleTaskVariables>({
    verb: 'reopen',
    optimistic: ({ task }) => ({ ...task, is_complete: false }),
    body: () => ({ is_complete: false }),
  });
}
