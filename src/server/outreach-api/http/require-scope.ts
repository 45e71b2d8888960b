import type { MiddlewareHandler } from 'hono';
import { scopeAllows } from '../oauth/outreach-oauth-client';
import { RESOURCE_TYPES } from '../resources/resource-types';
import type { OutreachApiEnv } from './outreach-api-env';
import { OutreachApiError } from './outreach-api-error';

/**
 * Outreach checks the token's scopes per resource: reading tasks needs `tasks.read` (or
 * `tasks.all`), changing them `tasks.write`. Scopes are not additive: write does not grant read.
 * The API root needs no scope; unknown paths fall through to 404.
 */
const SCOPED = new Set(RESOURCE_TYPES.map((t) => t.path));

export function requireScope(): MiddlewareHandler<OutreachApiEnv> {
  return async (c, next) => {
    const resource = /^\/api\/v2\/([A-Za-z]+)/.exec(c.req.path)?.[1];
    if (resource && SCOPED.has(resource)) {
      const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
      if (!scopeAllows(c.get('user').scope, resource, write)) {
        const needed = `${resource}.${write ? 'write' : 'read'}`;
        throw new OutreachApiError(403, [{
          id: 'unauthorizedOauthScope', title: 'Unauthorized OAuth Scope', detail: `Your authorization does not include the required scope '${needed}'.`,
        }]);
      }
    }
    await next();
  };
}
