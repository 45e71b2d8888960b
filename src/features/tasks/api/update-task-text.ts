import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/** Only a lead task's text can be edited (Close refuses `text` on the other types). */
export type UpdateTaskTextVariables = SingleTaskVariables & { text: string };

export function useUpdateTaskText() {
  return useOptimisticTaskMutation<UpdateTaskTextVariables>({
    verb: 'edit',
    optimistic: ({ task, text }) => ({ ...task, text }),
    body: ({ text }) => ({ text }),
  });
}
