import type { Context } from 'hono';
import type { Db } from '../db/open-database';
import type { AuthUser } from './http/auth';
import type { TaskRepository } from './tasks/task-repository';

export type CloseApiDeps = {
  db: Db;
  tasks: TaskRepository;
  now: () => number;
  /** The embedded API's own origin, e.g. http://127.0.0.1:3001; absolute media URLs start with it. */
  publicUrl: string;
  /** Keep answers of GET /task/ until the data changes (see list-tasks.ts). */
  cacheResponses: boolean;
};

export type CloseApiEnv = { Variables: { user: AuthUser } };
export type CloseApiContext = Context<CloseApiEnv>;

/** Query parameters, first value of each (Close reads single values). */
export function queryOf(c: Context): Record<string, string> {
  return c.req.query();
}
