/**
 * The browser's task API: every call features make about tasks and the people they belong to, in
 * one typed object, so no feature builds a backend's URL. It speaks the one contract the server's
 * connectors answer (`/api/v1`, the shapes in src/shared/close/schemas.ts), whichever backend is
 * behind it; what that backend can do is declared apart (capabilities.ts).
 *
 * Lists take the contract's filters as data (src/shared/close/task-filters.ts serializes them),
 * plus paging, order and an optional field list; answers are parsed with the caller's schema, so
 * a count can read ids only and a full page whole tasks.
 */
import type { $ZodType, output } from 'zod/v4/core';
import { z } from 'zod/mini';
import {
  type BulkUpdateTaskBody,
  type CreateTaskBody,
  type Me,
  MeSchema,
  type Task,
  type TaskOrderBy,
  TaskSchema,
  type UpdateTaskBody,
  UserListSchema,
} from '@/shared/close/schemas';
import { type TaskFilterInput, serializeTaskFilters, serializeTaskListQuery } from '@/shared/close/task-filters';
import { apiRequest } from './api-client';

export type TaskListQuery = {
  /** Which tasks: view, types, assignee, dates… */
  filters: TaskFilterInput;
  orderBy?: TaskOrderBy;
  /** Only these fields of each task: counts and snapshots read a few. */
  fields?: readonly string[];
  limit: number;
  skip: number;
  /** The zone "today" is in (x-tz-offset); the browser's when not given. */
  timeZone?: string;
  signal?: AbortSignal;
};

export type UserList = z.infer<typeof UserListSchema>;

/** What one bulk request sets on every task it names. */
export type BulkTaskChanges = Omit<BulkUpdateTaskBody, '_params'>;

export interface TaskApi {
  listTasks<S extends $ZodType>(query: TaskListQuery, schema: S): Promise<output<S>>;
  getTask(id: string, options?: { timeZone?: string; signal?: AbortSignal }): Promise<Task>;
  createTask(body: CreateTaskBody, timeZone?: string): Promise<Task>;
  /** The changed fields only; answers with the whole task as stored. */
  updateTask(id: string, body: UpdateTaskBody, timeZone?: string): Promise<Task>;
  completeTask(id: string, timeZone?: string): Promise<Task>;
  /** Only where the backend declares `reopen`. */
  reopenTask(id: string, timeZone?: string): Promise<Task>;
  /** `date`: a date-only day or a date-time, in the contract's format. */
  snoozeTask(id: string, date: string, timeZone?: string): Promise<Task>;
  reassignTask(id: string, userId: string, timeZone?: string): Promise<Task>;
  /** Many tasks named by id, in one request (at most the backend's `bulkByIds.maxIds`); the count it changed, when it says. */
  updateTasksByIds(ids: readonly string[], changes: BulkTaskChanges, timeZone?: string): Promise<number | null>;
  /** Every task the filters match, in one request (where the backend declares `bulkByFilter`). */
  updateTasksMatching(filters: TaskFilterInput, changes: BulkTaskChanges, timeZone?: string): Promise<number | null>;
  /** Only where the backend declares `deleteTask`. */
  deleteTask(id: string, timeZone?: string): Promise<void>;
  /** The signed-in person. `asPreloaded`: sent exactly as index.html preloads it. */
  getMe(options?: { signal?: AbortSignal; asPreloaded?: boolean }): Promise<Me>;
  listUsers(page: { limit: number; skip: number }, signal?: AbortSignal): Promise<UserList>;
}

const BulkAnswerSchema = z.looseObject({ updated: z.optional(z.number()) });
/** A deletion is answered with an empty object; its contents are not used. */
const DeletedSchema = z.looseObject({});

const taskPath = (id: string) => `/task/${encodeURIComponent(id)}/`;

function updateTask(id: string, body: UpdateTaskBody, timeZone?: string): Promise<Task> {
  return apiRequest({ method: 'PUT', path: taskPath(id), body, schema: TaskSchema, timeZone });
}

export const taskApi: TaskApi = {
  listTasks: ({ filters, orderBy, fields, limit, skip, timeZone, signal }, schema) =>
    apiRequest({ path: '/task/', query: serializeTaskListQuery(filters, { orderBy, fields, limit, skip }), schema, timeZone, signal }),
  getTask: (id, { timeZone, signal } = {}) => apiRequest({ path: taskPath(id), schema: TaskSchema, timeZone, signal }),
  // `_type`: the only type Close lets clients create unless the body names another.
  createTask: (body, timeZone) => apiRequest({ method: 'POST', path: '/task/', body: { _type: 'lead', ...body }, schema: TaskSchema, timeZone }),
  updateTask,
  completeTask: (id, timeZone) => updateTask(id, { is_complete: true }, timeZone),
  reopenTask: (id, timeZone) => updateTask(id, { is_complete: false }, timeZone),
  snoozeTask: (id, date, timeZone) => updateTask(id, { date }, timeZone),
  reassignTask: (id, userId, timeZone) => updateTask(id, { assigned_to: userId }, timeZone),
  // The ids go in the body's `_params`, where thousands fit (a URL would not hold them); every
  // type, because, like a read, a bulk update without a type filter only touches lead tasks.
  updateTasksByIds: async (ids, changes, timeZone) => {
    const body = { ...changes, _params: serializeTaskFilters({ ids, types: null }) };
    const answer = await apiRequest({ method: 'PUT', path: '/task/', body, schema: BulkAnswerSchema, timeZone });
    return answer.updated ?? null;
  },
  updateTasksMatching: async (filters, changes, timeZone) => {
    const answer = await apiRequest({ method: 'PUT', path: '/task/', query: serializeTaskFilters(filters), body: changes, schema: BulkAnswerSchema, timeZone });
    return answer.updated ?? null;
  },
  deleteTask: async (id, timeZone) => {
    await apiRequest({ method: 'DELETE', path: taskPath(id), schema: DeletedSchema, timeZone });
  },
  getMe: ({ signal, asPreloaded } = {}) => apiRequest({ path: '/me/', schema: MeSchema, signal, asPreloaded }),
  listUsers: ({ limit, skip }, signal) => apiRequest({ path: '/user/', query: { _limit: limit, _skip: skip }, schema: UserListSchema, signal }),
};
