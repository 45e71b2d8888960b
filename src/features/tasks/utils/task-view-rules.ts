/**
 * Which tasks a list shows and in what order, exactly as the API decides it, so the screen can
 * change before the server answers (optimistic updates) and still agree with the next fetch.
 * The view rule itself (inbox, future, archive) is shared/close/task-view-rule.ts; the filter names
 * are shared/close/task-filters.ts. "The user's day" uses the offset sent in x-tz-offset, i.e. the
 * zone's offset right now.
 */
import { compareDateStrings } from '@/shared/close/dates';
import type { Task, TaskOrderBy, TaskType, TaskView } from '@/shared/close/schemas';
import type { TaskFilterInput } from '@/shared/close/task-filters';
import { taskInSlice, taskSliceFilters } from '@/shared/close/task-slices';
import { taskInView } from '@/shared/close/task-view-rule';
import { tzOffsetHours } from '@/shared/close/zones';
import type { DueSlice } from './view-search';

export type TaskListFilters = {
  view: TaskView;
  /** Empty means every type (sent as `_type=all`, never left to the API's lead-only default). */
  types: readonly TaskType[];
  /** A user id, or null for everyone. */
  assignedTo: string | null;
  timeZone: string;
  /** Only in the inbox: its overdue or today slice (shared/close/task-slices.ts) instead of all of it. */
  due?: DueSlice | undefined;
};

export function orderByOf(view: TaskView): TaskOrderBy {
  return view === 'archive' ? '-date' : 'date';
}

type FilterChoice = Pick<TaskListFilters, 'view' | 'types' | 'assignedTo' | 'timeZone' | 'due'>;

/**
 * A list's filters in the shared contract's terms (every type named, so `_type=all` is sent). A
 * slice is sent as its state and date bounds at `nowMs` without `view`, which would override them.
 */
export function taskFilterInput(filters: FilterChoice, nowMs: number = Date.now()): TaskFilterInput {
  const whose = { types: filters.types.length ? filters.types : null, assignedTo: filters.assignedTo };
  if (filters.due) return { ...taskSliceFilters(filters.due, nowMs, tzOffsetHours(filters.timeZone, nowMs)), ...whose };
  return { view: filters.view, ...whose };
}

/** Whether `task` belongs in the list, with the day boundaries the server would use at `nowMs`. */
export function taskMatchesFilters(task: Task, filters: TaskListFilters, nowMs: number): boolean {
  if (filters.types.length > 0 && !(filters.types as readonly string[]).includes(task._type)) return false;
  if (filters.assignedTo && task.assigned_to !== filters.assignedTo) return false;
  const offsetHours = tzOffsetHours(filters.timeZone, nowMs);
  if (filters.due) return taskInSlice(task, filters.due, nowMs, offsetHours);
  return taskInView(task, filters.view, nowMs, offsetHours);
}

/** Close's order for the view: by date (date-only first at a tie), then by creation. */
export function compareTasksForView(a: Task, b: Task, view: TaskView, offsetHours: number): number {
  const asc =
    compareDateStrings(a.date, b.date, offsetHours) ||
    (a.date_created < b.date_created ? -1 : a.date_created > b.date_created ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return orderByOf(view) === '-date' ? -asc : asc;
}
