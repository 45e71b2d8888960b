import type { TaskPriority } from '@/shared/close/schemas';
import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/** Only on a backend that declares `priority` (the browser offers it nowhere else). */
export type SetTaskPriorityVariables = SingleTaskVariables & { priority: TaskPriority };

export function useSetTaskPriority() {
  return useOptimisticTaskMutation<SetTaskPriorityVariables>({
    verb: 'change the priority of',
    optimistic: ({ task, priority }) => ({ ...task, priority }),
    body: ({ priority }) => ({ priority }),
  });
}
