import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/** `date` in Close's wire format: a date-only day or a date-time. */
export type SnoozeTaskVariables = SingleTaskVariables & { date: string };

export function useSnoozeTask() {
  return useOptimisticTaskMutation<SnoozeTaskVariables>({
    verb: 'snooze',
    optimistic: ({ task, date }) => ({ ...task, date }),
    body: ({ date }) => ({ date }),
  });
}
