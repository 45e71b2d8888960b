import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/open-database';
import { digestOf } from '../../embedded-oauth/grant-secrets';
import { ALL_SCOPES } from '../oauth/outreach-oauth-client';
import type { OutreachApiEnv, OutreachAuthUser } from './outreach-api-env';
import { unauthorized } from './outreach-api-error';

type UserRow = { id: number; email: string; first_name: string; last_name: string };

/**
 * Outreach takes only `Authorization: Bearer <token>`: an OAuth access token issued by
 * /oauth/token (looked up by its SHA-256 digest), or one of the demo's static tokens, which stand
 * for a long-lived grant of every scope. An expired access token is a 401 that says so: the cue to
 * refresh.
 */
export function authenticate(db: Db, now: () => number): MiddlewareHandler<OutreachApiEnv> {
  const byStaticToken = db.prepare<[string], UserRow>('SELECT id, email, first_name, last_name FROM users WHERE token = ? AND locked = 0');
  const byAccessToken = db.prepare<[string], UserRow & { expires_ms: number; scope: string }>(
    `SELECT u.id, u.email, u.first_name, u.last_name, t.expires_ms, t.scope
       FROM oauth_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ? AND t.kind = 'access' AND u.locked = 0`,
  );
  const toUser = (row: UserRow, scope: string): OutreachAuthUser => ({
    id: row.id, email: row.email, firstName: row.first_name, lastName: row.last_name, scope,
  });
  return async (c, next) => {
    const [scheme, value] = (c.req.header('authorization') ?? '').trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() !== 'bearer' || !value) {
      throw unauthorized('Authentication required: send an OAuth access token as "Authorization: Bearer <token>".');
    }
    const demoUser = byStaticToken.get(value);
    if (demoUser) {
      c.set('user', toUser(demoUser, ALL_SCOPES));
    } else {
      const holder = byAccessToken.get(digestOf(value));
      if (!holder) throw unauthorized('The access token is not valid.');
      if (holder.expires_ms <= now()) throw unauthorized('The access token has expired: refresh it.');
      c.set('user', toUser(holder, holder.scope));
    }
    await next();
  };
}
