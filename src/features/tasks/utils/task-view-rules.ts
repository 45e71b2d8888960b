/**
 * Which tasks a list shows and in what order, exactly as the API decides it, so the screen can
 * change before the server answers (optimistic updates) and still agree with the next fetch.
 *   inbox   → incomplete, date before the start of the user's tomorrow
 *   future  → incomplete, date from the start of the user's tomorrow on
 *   archive → complete
 * "The user's day" uses the offset sent in x-tz-offset, i.e. the zone's offset right now.
 */
import { compareDateStrings, dayBoundsAt, instantOf, parseCloseDate } from '@/shared/close/dates';
import type { Task, TaskOrderBy, TaskType, TaskView } from '@/shared/close/schemas';
import { tzOffsetHours } from '@/lib/time-zone-offset';

export type TaskListFilters = {
  view: TaskView;
  /** Empty means every type (sent as `_type=all`, never left to the API's lead-only default). */
  types: readonly TaskType[];
  /** A user id, or null for everyone. */
  assignedTo: string | null;
  timeZone: string;
};

export function orderByOf(view: TaskView): TaskOrderBy {
  return view === 'archive' ? '-date' : 'date';
}

/** The filter part of a `GET /task/` (or bulk `PUT /task/`) query for a list. */
export function taskFilterParams(filters: Pick<TaskListFilters, 'view' | 'types' | 'assignedTo'>): Record<string, string> {
  const params: Record<string, string> = { view: filters.view };
  if (filters.types.length === 0) params._type = 'all';
  else if (filters.types.length === 1) params._type = filters.types[0]!;
  else params._type__in = filters.types.join(',');
  if (filters.assignedTo) params.assigned_to = filters.assignedTo;
  return params;
}

/** Whether `task` belongs in the list, with the day boundaries the server would use at `nowMs`. */
export function taskMatchesFilters(task: Task, filters: TaskListFilters, nowMs: number): boolean {
  if (filters.types.length > 0 && !(filters.types as readonly string[]).includes(task._type)) return false;
  if (filters.assignedTo && task.assigned_to !== filters.assignedTo) return false;
  if (filters.view === 'archive') return task.is_complete;
  if (task.is_complete) return false;
  const parsed = task.date ? parseCloseDate(task.date) : null;
  // A task without a date is actionable now.
  if (!parsed) return filters.view === 'inbox';
  const offset = tzOffsetHours(filters.timeZone, nowMs);
  const { tomorrowStart } = dayBoundsAt(nowMs, offset);
  const beforeTomorrow = instantOf(parsed, offset) < tomorrowStart;
  return filters.view === 'inbox' ? beforeTomorrow : !beforeTomorrow;
}

/** Close's order for the view: by date (date-only first at a tie), then by creation. */
export function compareTasksForView(a: Task, b: Task, view: TaskView, offsetHours: number): number {
  const asc =
    compareDateStrings(a.date, b.date, offsetHours) ||
    (a.date_created < b.date_created ? -1 : a.date_created > b.date_created ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return orderByOf(view) === '-date' ? -asc : asc;
}
