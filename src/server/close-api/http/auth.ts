import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../db/open-database';
import { digestOf } from '../../embedded-oauth/grant-secrets';
import { CloseApiError } from './close-api-error';

export type AuthUser = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  organization_id: string;
  apiKey: string;
};

/**
 * Reads the credential the way Close takes it: HTTP Basic with the key as username, or a Bearer
 * value (an API key or an OAuth access token).
 */
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

/** `Authorization: Bearer <value>`'s value, for OAuth access tokens. */
function bearerValueOf(authorization: string | undefined): string | null {
  const [scheme, value] = (authorization ?? '').trim().split(/\s+/, 2);
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}

const AUTH_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Close API"' };

/**
 * Who is asking: an API key (Basic, or Bearer with the key itself) or an OAuth access token
 * issued by /oauth2/token/ (Bearer), looked up by its SHA-256 digest. An expired token is a 401
 * that says so, which is a client's cue to refresh.
 */
export function authenticate(db: Db, now: () => number): MiddlewareHandler<{ Variables: { user: AuthUser } }> {
  const byKey = db.prepare<[string], AuthUser>(
    `SELECT u.id, u.email, u.first_name, u.last_name, m.organization_id, u.api_key AS apiKey
       FROM users u JOIN memberships m ON m.user_id = u.id
      WHERE u.api_key = ? LIMIT 1`,
  );
  const byAccessToken = db.prepare<[string], AuthUser & { expires_ms: number }>(
    `SELECT u.id, u.email, u.first_name, u.last_name, t.organization_id, u.api_key AS apiKey, t.expires_ms
       FROM oauth_tokens t
       JOIN users u ON u.id = t.user_id
       JOIN memberships m ON m.user_id = t.user_id AND m.organization_id = t.organization_id
      WHERE t.token_hash = ? AND t.kind = 'access'`,
  );
  const userFor = (authorization: string | undefined): AuthUser | null => {
    const key = apiKeyFrom(authorization);
    const user = key ? byKey.get(key) : undefined;
    if (user) return user;
    const bearer = bearerValueOf(authorization);
    if (!bearer) return null;
    const holder = byAccessToken.get(digestOf(bearer));
    if (!holder) return null;
    if (holder.expires_ms <= now()) {
      throw new CloseApiError(401, { error: 'The access token has expired: refresh it.' }, {
        'WWW-Authenticate': 'Bearer realm="Close API", error="invalid_token", error_description="The access token expired"',
      });
    }
    const { expires_ms: _expires, ...authUser } = holder;
    return authUser;
  };
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (!apiKeyFrom(authorization)) {
      throw new CloseApiError(
        401,
        { error: 'Authentication required: use HTTP Basic with your API key as the username and an empty password.' },
        AUTH_CHALLENGE,
      );
    }
    const user = userFor(authorization);
    if (!user) throw new CloseApiError(401, { error: 'The API key is not valid.' }, AUTH_CHALLENGE);
    c.set('user', user);
    await next();
  };
}
