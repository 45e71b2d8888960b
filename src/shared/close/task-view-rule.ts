/**
 * Close's views, defined once: the embedded API's SQL (server/close-api/tasks/task-query.ts), the
 * `view` it writes on every task, and the browser's optimistic lists all follow this rule, and a
 * test checks the SQL against it on generated tasks in several zones.
 *   archive → complete
 *   inbox   → incomplete, dated before the start of the user's tomorrow (or not dated)
 *   future  → incomplete, dated from the start of the user's tomorrow on
 * "The user's day" is the day at the offset sent in `x-tz-offset` (the zone's offset right now),
 * and a date-only date counts as the start of its day at that offset (see dates.ts).
 */
import { type CloseDate, dayBoundsAt, instantOf, parseCloseDate } from './dates';
import type { TaskView } from './schemas';

/** Where inbox ends and future begins: the instant the user's tomorrow starts. */
export function viewBoundaryAt(nowMs: number, offsetHours: number): number {
  return dayBoundsAt(nowMs, offsetHours).tomorrowStart;
}

/** Whether a view holds complete tasks (archive) or incomplete ones (inbox, future). */
export function viewIsComplete(view: TaskView): boolean {
  return view === 'archive';
}

/** The view a task is in for a user at `offsetHours` at `nowMs`. */
export function viewOfTaskDate(isComplete: boolean, date: CloseDate | null, nowMs: number, offsetHours: number): TaskView {
  if (isComplete) return 'archive';
  if (!date) return 'inbox';
  return instantOf(date, offsetHours) < viewBoundaryAt(nowMs, offsetHours) ? 'inbox' : 'future';
}

/** Whether a task (its wire `is_complete` and `date`) belongs in `view`. */
export function taskInView(
  task: { is_complete: boolean; date?: string | null | undefined },
  view: TaskView,
  nowMs: number,
  offsetHours: number,
): boolean {
  if (viewIsComplete(view) !== task.is_complete) return false;
  return viewOfTaskDate(task.is_complete, task.date ? parseCloseDate(task.date) : null, nowMs, offsetHours) === view;
}
