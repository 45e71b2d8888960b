import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/open-database';
import { CloseApiError } from './close-api-error';

export type AuthUser = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  organization_id: string;
  apiKey: string;
};

/** Reads the API key the way Close takes it: HTTP Basic with the key as username, or a Bearer token. */
export function apiKeyFrom(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return null;
  let decoded: string;
  try {
    decoded = Buffer.from(value, 'base64').toString('utf8');
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  return key || null;
}

export function authenticate(db: Db): MiddlewareHandler<{ Variables: { user: AuthUser } }> {
  const byKey = db.prepare<[string], AuthUser>(
    `SELECT u.id, u.email, u.first_name, u.last_name, m.organization_id, u.api_key AS apiKey
       FROM users u JOIN memberships m ON m.user_id = u.id
      WHERE u.api_key = ? LIMIT 1`,
  );
  return async (c, next) => {
    const key = apiKeyFrom(c.req.header('authorization'));
    if (!key) {
      throw new CloseApiError(
        401,
        { error: 'Authentication required: use HTTP Basic with your API key as the username and an empty password.' },
        { 'WWW-Authenticate': 'Basic realm="Close API"' },
      );
    }
    const user = byKey.get(key);
    if (!user) {
      throw new CloseApiError(401, { error: 'The API key is not valid.' }, { 'WWW-Authenticate': 'Basic realm="Close API"' });
    }
    c.set('user', user);
    await next();
  };
}
