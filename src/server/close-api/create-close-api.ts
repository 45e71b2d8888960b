import { Hono, type Handler, type MiddlewareHandler } from 'hono';
import type { Db } from '../db/open-database';
import type { CloseApiDeps, CloseApiEnv } from './close-api-deps';
import { createEmail } from './activities/create-email';
import { createSms } from './activities/create-sms';
import { getEmail } from './activities/get-email';
import { getSms } from './activities/get-sms';
import { listEmail } from './activities/list-email';
import { listSms } from './activities/list-sms';
import { listEmailTemplates, listSmsTemplates } from './activities/list-templates';
import { authenticate } from './http/auth';
import { CloseApiError } from './http/close-api-error';
import { type RateLimitOptions, rateLimit } from './http/rate-limit';
import { getLead } from './leads/get-lead';
import { listLeads } from './leads/list-leads';
import { serveMedia } from './media/serve-media';
import type { EmbeddedOAuthOptions } from './oauth/oauth-client';
import { OAUTH_PATH_PREFIX, mountOAuthRoutes } from './oauth/oauth-routes';
import { getOrganization } from './organizations/get-organization';
import { bulkUpdateTasks } from './tasks/bulk-update-tasks';
import { createTask } from './tasks/create-task';
import { deleteTask } from './tasks/delete-task';
import { getTask } from './tasks/get-task';
import { listTasks } from './tasks/list-tasks';
import { createTaskRepository } from './tasks/task-repository';
import { updateTask } from './tasks/update-task';
import { getMe } from './users/get-me';
import { getUser } from './users/get-user';
import { listUsers } from './users/list-users';
import { en } from 'zod/locales';
import { config } from 'zod/mini';

// Close gives its reasons in English. The shared schemas are zod/mini's (a small browser bundle),
// which leaves messages generic ("Invalid input") until a locale is loaded; the server loads it.
config(en());
// A field left out reads as missing, not as a type mismatch with `undefined`.
config({ customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'This field is required.' : undefined) });

export type CloseApiOptions = {
  db: Db;
  /** This API's own origin, e.g. http://127.0.0.1:3001: media URLs in tasks are absolute on it. */
  publicUrl: string;
  rateLimit?: RateLimitOptions | null;
  now?: () => number;
  mediaDir?: string;
  /** Where a 500's cause goes (the server's redacting logger); the client only sees a generic error. */
  onUnexpectedError?: (error: unknown) => void;
  /** Cache list answers until the data changes; on by default. */
  cacheResponses?: boolean;
  /** Play Close's OAuth 2 (/oauth2/authorize/, /oauth2/token/) for this one client; off without it. */
  oauth?: EmbeddedOAuthOptions;
};

/**
 * The embedded Close-compatible API: Close's paths under /api/v1 (with or without the trailing
 * slash Close's clients send), HTTP Basic auth with per-user keys, Close's error shapes.
 */
export function createCloseApi(opts: CloseApiOptions) {
  const now = opts.now ?? Date.now;
  const deps: CloseApiDeps = { db: opts.db, tasks: createTaskRepository(opts.db), now, publicUrl: opts.publicUrl.replace(/\/$/, ''),
    cacheResponses: opts.cacheResponses ?? true,
  };
  const app = new Hono<CloseApiEnv>();

  app.onError((err, c) => {
    if (err instanceof CloseApiError) return c.json(err.body, err.status, err.headers);
    (opts.onUnexpectedError ?? ((e) => console.error('embedded Close API error:', e)))(err);
    return c.json({ error: 'Internal server error.' }, 500);
  });
  app.notFound((c) => c.json({ error: `No such endpoint: ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

  // The OAuth endpoints authenticate the client themselves, and a browser visits the consent page.
  const unlessOAuth = (middleware: MiddlewareHandler<CloseApiEnv>): MiddlewareHandler<CloseApiEnv> => (c, next) =>
    c.req.path.startsWith(OAUTH_PATH_PREFIX) ? next() : middleware(c, next);
  app.use('*', unlessOAuth(authenticate(opts.db, now)));
  if (opts.rateLimit && opts.rateLimit.limit > 0) app.use('*', unlessOAuth(rateLimit(opts.rateLimit, now)));
  if (opts.oauth) mountOAuthRoutes(app, { db: opts.db, now, client: opts.oauth });

  // Close's paths end with a slash; accept both spellings rather than redirect, as clients differ.
  const route = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: Handler<CloseApiEnv>) => {
    app.on(method, [`/api/v1${path}/`, `/api/v1${path}`], handler);
  };
  route('GET', '/task', listTasks(deps));
  route('POST', '/task', createTask(deps));
  route('PUT', '/task', bulkUpdateTasks(deps));
  route('GET', '/task/:id', getTask(deps));
  route('PUT', '/task/:id', updateTask(deps));
  route('DELETE', '/task/:id', deleteTask(deps));
  route('GET', '/me', getMe(deps));
  route('GET', '/user', listUsers(deps));
  route('GET', '/user/:id', getUser(deps));
  route('GET', '/organization/:id', getOrganization(deps));
  route('GET', '/lead', listLeads(deps));
  route('GET', '/lead/:id', getLead(deps));
  route('GET', '/activity/email', listEmail(deps));
  route('POST', '/activity/email', createEmail(deps));
  route('GET', '/activity/email/:id', getEmail(deps));
  route('GET', '/activity/sms', listSms(deps));
  route('POST', '/activity/sms', createSms(deps));
  route('GET', '/activity/sms/:id', getSms(deps));
  route('GET', '/sms_template', listSmsTemplates(deps));
  route('GET', '/email_template', listEmailTemplates(deps));
  app.on(['GET', 'HEAD'], '/media/:name', serveMedia(opts.mediaDir));

  const knownPaths = /^\/api\/v1\/(task|me|user|organization|lead|activity\/email|activity\/sms|sms_template|email_template)(\/[^/]*)?\/?$/;
  app.all('*', (c) => {
    const pathname = new URL(c.req.url).pathname;
    if (knownPaths.test(pathname)) return c.json({ error: `Method ${c.req.method} is not allowed here.` }, 405);
    return c.notFound();
  });
  return app;
}
