/**
 * A person's tasks cut by their own day, in the zone at `offsetHours`: the manager's desk counts
 * these slices and the inbox lists them (`/inbox?due=overdue|today`), so both ask Close with the
 * same filters and a count links to exactly the tasks it counted.
 *   overdue       → incomplete, dated before the start of the user's today
 *   today         → incomplete, dated within the user's today
 *   future        → incomplete, dated from the start of the user's tomorrow on (`view=future`)
 *   doneLast7Days → complete, last updated from the start of the day six days ago on
 * The bounds are date-only days, which the API reads as local midnight at the request's
 * `x-tz-offset`. No `view` is sent: on Close `view=inbox` overrides `date__lt`/`date__gte`.
 * A task without a readable date matches no date bound, so it is in no dated slice (it stays in
 * the whole inbox, which takes undated tasks).
 */
import { addDaysToDay, compareCloseDates, localDayAt, parseCloseDate } from './dates';
import type { DateOp, TaskDateField, TaskFilterInput } from './task-filters';

export const TASK_SLICES = ['overdue', 'today', 'future', 'doneLast7Days'] as const;
export type TaskSlice = (typeof TASK_SLICES)[number];

/** The slice's filters (state and date bounds only: the caller adds whose tasks and which types). */
export function taskSliceFilters(slice: TaskSlice, nowMs: number, offsetHours: number): Required<Pick<TaskFilterInput, 'isComplete' | 'dates'>> {
  const today = localDayAt(nowMs, offsetHours);
  const tomorrow = addDaysToDay(today, 1);
  switch (slice) {
    case 'overdue':
      return { isComplete: false, dates: [{ field: 'date', op: 'lt', value: today }] };
    case 'today':
      return {
        isComplete: false,
        dates: [
          { field: 'date', op: 'gte', value: today },
          { field: 'date', op: 'lt', value: tomorrow },
        ],
      };
    case 'future':
      return { isComplete: false, dates: [{ field: 'date', op: 'gte', value: tomorrow }] };
    case 'doneLast7Days':
      // Close has no completion date: a done task's last update is its completion unless it was edited after.
      return { isComplete: true, dates: [{ field: 'date_updated', op: 'gte', value: addDaysToDay(today, -6) }] };
  }
}

export type SliceTask = {
  is_complete: boolean;
  date?: string | null | undefined;
  due_date?: string | null | undefined;
  date_created?: string | null | undefined;
  date_updated?: string | null | undefined;
};

const OP_HOLDS: Record<DateOp, (order: number) => boolean> = {
  eq: (o) => o === 0,
  lt: (o) => o < 0,
  lte: (o) => o <= 0,
  gt: (o) => o > 0,
  gte: (o) => o >= 0,
};

function dateOf(task: SliceTask, field: TaskDateField): string | null | undefined {
  // `due_date` is Close's older name for `date`.
  return field === 'due_date' ? (task.due_date ?? task.date) : task[field];
}

/** Whether a task is in the slice at `nowMs`, compared in Close's one date order (dates.ts), as the API does. */
export function taskInSlice(task: SliceTask, slice: TaskSlice, nowMs: number, offsetHours: number): boolean {
  const { isComplete, dates } = taskSliceFilters(slice, nowMs, offsetHours);
  if (task.is_complete !== isComplete) return false;
  return dates.every(({ field, op, value }) => {
    const raw = dateOf(task, field);
    const date = raw ? parseCloseDate(raw) : null;
    const bound = parseCloseDate(value);
    return date !== null && bound !== null && OP_HOLDS[op](compareCloseDates(date, bound, offsetHours));
  });
}
