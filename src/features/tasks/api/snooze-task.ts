import { putTask } from './put-task';
import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/** `date` in Close's wire format: a date-only day or a date-time. */
export type SnoozeTaskVariables = SingleTaskVariables & { date: string };

export const snoozeTask = ({ task, date, timeZone }: SnoozeTaskVariables) => putTask(task.id, { date }, timeZone);

export function useSnoozeTask() {
  return useOptimisticTaskMutation<SnoozeTaskVariables>({
    verb: 'snooze',
    optimistic: ({ task, date }) => ({ ...task, date }),
    request: snoozeTask,
  });
}
