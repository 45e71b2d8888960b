/**
 * Groups a loaded task list into the sections a rep reads:
 *   inbox   → Overdue, Today
 *   future  → Tomorrow, then one group per day
 *   archive → one group per day, newest first
 * Which view a task is in is the server's call. Overdue vs Today uses the server's edge too: the
 * start of the user's day at the offset sent in x-tz-offset, a date-only date standing for the
 * start of its day. Other days are the wall-clock day in the zone (the zone's offset at each
 * task's instant), so a task after a DST change lands on the day its clock shows.
 */
import {
  DATE_ONLY,
  addDaysToDay,
  dayBoundsAt,
  instantOf,
  localDayAt,
  parseCloseDate,
} from '@/shared/close/dates';
import type { Task, TaskView } from '@/shared/close/schemas';
import { formatDayLabel, taskDayInZone, tzOffsetHours } from '@/shared/close/zones';
import { countLabel } from './count-label';

export type TaskGroup = {
  key: string;
  label: string;
  tasks: Task[];
  /** False when more tasks may belong here but are not loaded yet (the list continues past it). */
  complete: boolean;
};

export type GroupOptions = { timeZone: string; nowMs: number; hasMore: boolean };

/**
 * The wall-clock day of each date-time, per zone. Grouping runs again whenever a page arrives or
 * "now" ticks; with 10,000 tasks loaded, recomputing every day through the zone rules would be
 * a long task, so each (zone, date) is worked out once.
 */
const dayCache = new Map<string, string>();
const DAY_CACHE_LIMIT = 100_000;

function cachedTaskDay(date: string, parsed: NonNullable<ReturnType<typeof parseCloseDate>>, zone: string): string {
  if (parsed.kind === DATE_ONLY) return parsed.day;
  const key = `${zone}|${date}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    if (dayCache.size >= DAY_CACHE_LIMIT) dayCache.clear();
    day = taskDayInZone(parsed, zone);
    dayCache.set(key, day);
  }
  return day;
}

/**
 * Each task's parsed date, kept as long as the task object is: the cache shares unchanged task
 * objects across pages and refetches, so a page arriving parses only its own hundred dates
 * instead of all ten thousand loaded (which alone was a long task).
 */
const parsedDates = new WeakMap<Task, ReturnType<typeof parseCloseDate>>();

function parsedDateOf(task: Task): ReturnType<typeof parseCloseDate> {
  let parsed = parsedDates.get(task);
  if (parsed === undefined) {
    parsed = task.date ? parseCloseDate(task.date) : null;
    parsedDates.set(task, parsed);
  }
  return parsed;
}

/** The task's day in the zone last asked for, beside the shared per-(zone, date) cache. */
const taskDays = new WeakMap<Task, { zone: string; day: string }>();

function taskDayOf(task: Task, parsed: NonNullable<ReturnType<typeof parseCloseDate>>, zone: string): string {
  if (parsed.kind === DATE_ONLY) return parsed.day;
  const known = taskDays.get(task);
  if (known && known.zone === zone) return known.day;
  const day = cachedTaskDay(task.date!, parsed, zone);
  taskDays.set(task, { zone, day });
  return day;
}

export const OVERDUE_KEY = 'overdue';
export const NO_DATE_KEY = 'no-date';

/** "Today", "Tomorrow", "Yesterday", otherwise "Wed, Mar 11" (with the year when it differs). */
export function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today';
  if (day === addDaysToDay(today, 1)) return 'Tomorrow';
  if (day === addDaysToDay(today, -1)) return 'Yesterday';
  const epoch = Date.parse(`${day}T00:00:00Z`);
  return formatDayLabel(epoch, 'UTC', day.slice(0, 4) !== today.slice(0, 4));
}

export function groupTasks(tasks: readonly Task[], view: TaskView, { timeZone, nowMs, hasMore }: GroupOptions): TaskGroup[] {
  const offset = tzOffsetHours(timeZone, nowMs);
  const { todayStart } = dayBoundsAt(nowMs, offset);
  const today = localDayAt(todayStart, offset);
  const tomorrow = addDaysToDay(today, 1);

  const groups = new Map<string, TaskGroup>();
  // The label is worked out once per group, not once per task (a day's label is a date format).
  const add = (key: string, label: string | (() => string), task: Task) => {
    let group = groups.get(key);
    if (!group) {
      group = { key, label: typeof label === 'string' ? label : label(), tasks: [], complete: true };
      groups.set(key, group);
    }
    group.tasks.push(task);
  };

  for (const task of tasks) {
    const parsed = parsedDateOf(task);
    if (!parsed) {
      add(NO_DATE_KEY, 'No date', task);
      continue;
    }
    const instant = instantOf(parsed, offset);
    if (view === 'inbox') {
      if (instant < todayStart) add(OVERDUE_KEY, 'Overdue', task);
      else add(today, 'Today', task);
      continue;
    }
    const day = taskDayOf(task, parsed, timeZone);
    if (view === 'future') {
      // The server put it after today; a wall-clock day that reads earlier (a DST change between
      // now and the task) still belongs to Tomorrow, the first group of this view.
      if (day <= tomorrow) add(tomorrow, 'Tomorrow', task);
      else add(day, () => dayLabel(day, today), task);
      continue;
    }
    add(day, () => dayLabel(day, today), task);
  }

  const ordered = [...groups.values()].sort((a, b) => rank(a.key, view) - rank(b.key, view) || compareKeys(a.key, b.key, view));
  // The list is sorted by date, so only the group that the loaded part ends in can continue.
  if (hasMore) {
    const lastTask = tasks[tasks.length - 1];
    const tail = lastTask ? ordered.find((g) => g.tasks.includes(lastTask)) : undefined;
    if (tail) tail.complete = false;
  }
  return ordered;
}

function rank(key: string, view: TaskView): number {
  if (key === NO_DATE_KEY) return view === 'inbox' ? 0 : 2;
  if (key === OVERDUE_KEY) return 0;
  return 1;
}

function compareKeys(a: string, b: string, view: TaskView): number {
  const asc = a < b ? -1 : a > b ? 1 : 0;
  return view === 'archive' ? -asc : asc;
}

/** "12", or "12+" when the group may continue beyond what is loaded. */
export function groupCountLabel(group: TaskGroup): string {
  return countLabel(group.tasks.length, !group.complete);
}

export type TaskListRow =
  | { kind: 'group'; key: string; group: TaskGroup }
  | { kind: 'task'; key: string; task: Task; groupKey: string; groupLabel: string };

/** Headers and cards as one flat list, which is what the virtualizer renders. */
export function toListRows(groups: readonly TaskGroup[]): TaskListRow[] {
  const rows: TaskListRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', key: `group:${group.key}`, group });
    for (const task of group.tasks) rows.push({ kind: 'task', key: task.id, task, groupKey: group.key, groupLabel: group.label });
  }
  return rows;
}
