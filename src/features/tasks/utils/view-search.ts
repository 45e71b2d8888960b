/**
 * The URL of a task view: which task types, whose tasks, which time zone. Every value is
 * validated and a bad one falls back to its default, so a hand-edited or stale link still opens.
 * Defaults are left out of the URL (`undefined`), which keeps shared links short and lets the
 * time zone follow the browser of whoever opens a link that did not pick one.
 */
import { z } from 'zod/mini';
import { TASK_TYPES, type TaskType } from '@/shared/close/schemas';
import { browserTimeZone, isValidTimeZone } from '@/lib/time-zone-offset';

const TYPE_SET = new Set<string>(TASK_TYPES);

/** Known types in TASK_TYPES order, without duplicates; every type or none means "all". */
export function normalizeTypes(value: string | readonly string[]): TaskType[] {
  const parts = (typeof value === 'string' ? value.split(',') : value).map((s) => s.trim());
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

export const viewSearchSchema = z.object({
  types: typesSchema,
  assignee: assigneeSchema,
  tz: timeZoneSchema,
});

export type ViewSearch = { types?: string | undefined; assignee?: string | undefined; tz?: string | undefined };

/** `me`, `everyone` or a user id. */
export type AssigneeChoice = string;

/** What a view shows, with the defaults filled in. */
export type ViewChoice = { types: TaskType[]; assignee: AssigneeChoice; timeZone: string };

export function readViewSearch(search: ViewSearch, fallbackZone: string = browserTimeZone()): ViewChoice {
  return {
    types: search.types ? normalizeTypes(search.types) : [],
    assignee: search.assignee ?? ASSIGNEE_ME,
    timeZone: search.tz && isValidTimeZone(search.tz) ? search.tz : fallbackZone,
  };
}

/** The inverse of readViewSearch: what goes in the URL (defaults omitted). */
export function viewSearchOf(choice: ViewChoice, fallbackZone: string = browserTimeZone()): ViewSearch {
  return {
    types: typesParam(choice.types),
    assignee: choice.assignee === ASSIGNEE_ME ? undefined : choice.assignee,
    tz: choice.timeZone === fallbackZone ? undefined : choice.timeZone,
  };
}
