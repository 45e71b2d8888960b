/**
 * The URL of a task view: which task types, whose tasks, which time zone, which slice of the
 * inbox. Every value is validated and a bad one falls back to its default, so a hand-edited or
 * stale link still opens.
 * Defaults are left out of the URL (`undefined`), which keeps shared links short and lets the
 * time zone follow the browser of whoever opens a link that did not pick one.
 */
import { z } from 'zod/mini';
import { TASK_PRIORITIES, TASK_TYPES, type TaskPriority, type TaskType } from '@/shared/close/schemas';
import { parseList } from '@/shared/close/task-filters';
import type { TaskSlice } from '@/shared/close/task-slices';
import { browserTimeZone, isValidTimeZone } from '@/shared/close/zones';

const TYPE_SET = new Set<string>(TASK_TYPES);

/** Known types in TASK_TYPES order, without duplicates; every type or none means "all". */
export function normalizeTypes(value: string | readonly string[]): TaskType[] {
  const parts = typeof value === 'string' ? parseList(value) : value.map((s) => s.trim());
  const chosen = new Set(parts.filter((s) => TYPE_SET.has(s)));
  const types = TASK_TYPES.filter((t) => chosen.has(t));
  return types.length === TASK_TYPES.length ? [] : types;
}

export function typesParam(types: readonly string[]): string | undefined {
  const normalized = normalizeTypes(types);
  return normalized.length ? normalized.join(',') : undefined;
}

export const ASSIGNEE_ME = 'me';
export const ASSIGNEE_EVERYONE = 'everyone';
/** Close ids are a prefix and base62 characters; anything else cannot be a user. */
const USER_ID_RE = /^user_[0-9A-Za-z]{1,64}$/;

const typesSchema = z.catch(
  z.optional(
    z.pipe(
      z.union([z.string(), z.array(z.string())]),
      z.transform((v) => typesParam(typeof v === 'string' ? v.split(',') : v)),
    ),
  ),
  undefined,
);

const assigneeSchema = z.catch(
  z.optional(
    z.pipe(
      z.string().check(z.refine((v) => v === ASSIGNEE_ME || v === ASSIGNEE_EVERYONE || USER_ID_RE.test(v))),
      z.transform((v) => (v === ASSIGNEE_ME ? undefined : v)),
    ),
  ),
  undefined,
);

const timeZoneSchema = z.catch(z.optional(z.string().check(z.refine(isValidTimeZone))), undefined);

/**
 * A slice of the inbox by the task's day in the view's zone (shared/close/task-slices.ts): the
 * desk's Overdue and Today counts link here. Anything else (or none) shows the whole inbox.
 */
export const DUE_SLICES = ['overdue', 'today'] as const satisfies readonly TaskSlice[];
export type DueSlice = (typeof DUE_SLICES)[number];
const dueSchema = z.catch(z.optional(z.enum(DUE_SLICES)), undefined);

/** `high` or `medium`; anything else (or none) shows every priority. */
const prioritySchema = z.catch(z.optional(z.enum(TASK_PRIORITIES)), undefined);

export const viewSearchSchema = z.object({
  types: typesSchema,
  assignee: assigneeSchema,
  tz: timeZoneSchema,
  priority: prioritySchema,
  due: dueSchema,
});

export type ViewSearch = { types?: string | undefined; assignee?: string | undefined; tz?: string | undefined; priority?: TaskPriority | undefined; due?: DueSlice | undefined };

/** `me`, `everyone` or a user id. */
export type AssigneeChoice = string;

/** What a view shows, with the defaults filled in. */
export type ViewChoice = { types: TaskType[]; assignee: AssigneeChoice; timeZone: string; due?: DueSlice | undefined };

export function readViewSearch(search: ViewSearch, fallbackZone: string = browserTimeZone()): ViewChoice {
  return {
    types: search.types ? normalizeTypes(search.types) : [],
    assignee: search.assignee ?? ASSIGNEE_ME,
    timeZone: search.tz && isValidTimeZone(search.tz) ? search.tz : fallbackZone,
    due: search.due && (DUE_SLICES as readonly string[]).includes(search.due) ? search.due : undefined,
  };
}

/** The inverse of readViewSearch: what goes in the URL (defaults omitted). */
export function viewSearchOf(choice: ViewChoice, fallbackZone: string = browserTimeZone()): ViewSearch {
  return {
    types: typesParam(choice.types),
    assignee: choice.assignee === ASSIGNEE_ME ? undefined : choice.assignee,
    tz: choice.timeZone === fallbackZone ? undefined : choice.timeZone,
    due: choice.due,
  };
}
