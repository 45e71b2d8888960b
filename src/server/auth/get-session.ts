/** `GET /auth/session`: who this browser is signed in as, or 401. */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuthContext } from './auth-settings';
import { findLiveSession } from './live-session';
import { readSessionToken } from './session-cookie';

export function getSession(auth: AuthContext) {
  return async (c: Context<AppEnv>) => {
    const session = await findLiveSession(auth, readSessionToken(c));
    if (!session) return c.json({ error: 'Not signed in.' }, 401);
    return c.json({ user: session.user, credential: session.credentialKind });
  };
}
