/** `DELETE /auth/session`: signs out. The row goes, so the old cookie stops working on every instance. */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { type AuthContext, cookieSettings } from './auth-settings';
import { clearSessionCookie, hashToken, isTokenShaped, readSessionToken } from './session-cookie';

export function deleteSession(auth: AuthContext) {
  return async (c: Context<AppEnv>) => {
    const token = readSessionToken(c);
    if (isTokenShaped(token)) await auth.store.deleteSession(hashToken(token));
    clearSessionCookie(c, cookieSettings(auth.settings));
    return c.body(null, 204);
  };
}
