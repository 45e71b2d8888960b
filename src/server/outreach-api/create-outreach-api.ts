/**
 * The embedded Outreach-compatible API: Outreach's JSON:API paths under /api/v2 (tasks and their
 * member actions, users, prospects, accounts, sequences, sequence steps and states, task
 * priorities), Bearer tokens only, Outreach's `errors` arrays, X-RateLimit-* headers, and its
 * OAuth 2 endpoints with a consent page of the demo users.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { Db } from '../db/open-database';
import { authenticate } from './http/authenticate';
import { type OutreachApiDeps, type OutreachApiEnv, JSON_API_MEDIA_TYPE } from './http/outreach-api-env';
import { OutreachApiError } from './http/outreach-api-error';
import { type OutreachRateLimitOptions, rateLimit } from './http/rate-limit';
import { requireScope } from './http/require-scope';
import type { OutreachOAuthOptions } from './oauth/outreach-oauth-client';
import { OAUTH_PATH_PREFIX, mountOutreachOAuthRoutes } from './oauth/outreach-oauth-routes';
import * as specs from './resources/collection-specs';
import { getApiRoot } from './resources/get-api-root';
import { getResource, listResources } from './resources/read-resources';
import * as types from './resources/resource-types';
import { runTaskAction } from './tasks/task-actions';
import { createTask, updateTask } from './tasks/write-task';

export type OutreachApiOptions = {
  db: Db;
  /** This API's own origin, e.g. http://127.0.0.1:3002: `links` are absolute on it. */
  publicUrl: string;
  /** Per user; Outreach's is 10,000 an hour (OUTREACH_RATE_LIMIT). null turns it off. */
  rateLimit?: OutreachRateLimitOptions | null;
  now?: () => number;
  /** Where a 500's cause goes; the client only sees a generic error. */
  onUnexpectedError?: (error: unknown) => void;
  /** Play Outreach's OAuth 2 (/oauth/authorize, /oauth/token) for this one client; off without it. */
  oauth?: OutreachOAuthOptions;
};

const errorBody = (errors: OutreachApiError['errors']) => JSON.stringify({ errors });

export function createOutreachApi(opts: OutreachApiOptions) {
  const now = opts.now ?? Date.now;
  const deps: OutreachApiDeps = { db: opts.db, now, publicUrl: opts.publicUrl.replace(/\/$/, '') };
  const app = new Hono<OutreachApiEnv>();

  app.onError((err, c) => {
    if (err instanceof OutreachApiError) {
      return c.body(errorBody(err.errors), err.status, { ...err.headers, 'Content-Type': JSON_API_MEDIA_TYPE });
    }
    (opts.onUnexpectedError ?? ((e) => console.error('embedded Outreach API error:', e)))(err);
    return c.body(errorBody([{ id: 'internalServerError', title: 'Internal Server Error', detail: 'Something went wrong.' }]), 500, {
      'Content-Type': JSON_API_MEDIA_TYPE,
    });
  });
  app.notFound((c) =>
    c.body(errorBody([{ id: 'resourceNotFound', title: 'Resource Not Found', detail: `No such endpoint: ${c.req.method} ${c.req.path}` }]), 404, {
      'Content-Type': JSON_API_MEDIA_TYPE,
    }),
  );

  // The OAuth endpoints authenticate the client themselves, and a browser visits the consent page.
  const unlessOAuth = (middleware: MiddlewareHandler<OutreachApiEnv>): MiddlewareHandler<OutreachApiEnv> => (c, next) =>
    c.req.path.startsWith(OAUTH_PATH_PREFIX) ? next() : middleware(c, next);
  app.use('*', unlessOAuth(authenticate(opts.db, now)));
  if (opts.rateLimit && opts.rateLimit.limit > 0) app.use('*', unlessOAuth(rateLimit(opts.rateLimit, now)));
  app.use('/api/v2/*', requireScope());
  if (opts.oauth) mountOutreachOAuthRoutes(app, { db: opts.db, now, client: opts.oauth });

  app.get('/api/v2', getApiRoot(deps));
  app.get('/api/v2/', getApiRoot(deps));
  app.get('/api/v2/tasks', listResources(deps, types.TASK, specs.TASK_COLLECTION));
  app.post('/api/v2/tasks', createTask(deps));
  app.get('/api/v2/tasks/:id', getResource(deps, types.TASK));
  app.patch('/api/v2/tasks/:id', updateTask(deps));
  app.post('/api/v2/tasks/:id/actions/:action', runTaskAction(deps));
  const readOnly: [types.ResourceType, specs.CollectionSpecName][] = [
    [types.USER, 'USER_COLLECTION'], [types.PROSPECT, 'PROSPECT_COLLECTION'], [types.ACCOUNT, 'ACCOUNT_COLLECTION'],
    [types.SEQUENCE, 'SEQUENCE_COLLECTION'], [types.SEQUENCE_STEP, 'SEQUENCE_STEP_COLLECTION'],
    [types.SEQUENCE_STATE, 'SEQUENCE_STATE_COLLECTION'], [types.TASK_PRIORITY, 'TASK_PRIORITY_COLLECTION'],
  ];
  for (const [def, spec] of readOnly) {
    app.get(`/api/v2/${def.path}`, listResources(deps, def, specs[spec]));
    app.get(`/api/v2/${def.path}/:id`, getResource(deps, def));
  }

  const known = new RegExp(`^/api/v2/(${types.RESOURCE_TYPES.map((t) => t.path).join('|')})(/[^/]+(/actions/[^/]+)?)?/?$`);
  app.all('*', (c) => {
    if (!known.test(c.req.path)) return c.notFound();
    throw new OutreachApiError(405, [{ id: 'methodNotAllowed', title: 'Method Not Allowed', detail: `${c.req.method} is not allowed on ${c.req.path}.` }]);
  });
  return app;
}
