/**
 * `POST /auth/demo-session {"user_id": "…"}` (the embedded stand-ins): "Switch user" signs in as
 * a demo user with that user's own credential — the embedded Close API's key, or the Outreach
 * stand-in's static token — through the same session machinery as a key typed by hand.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { fieldError, readJsonObject } from './auth-request';
import type { AuthContext } from './auth-settings';
import { closeAuthorizationOf } from './resolve-credential';
import { startSession } from './start-session';
import { AuthCallFailure, fetchMe } from './upstream-auth-calls';

export function postDemoSession(auth: AuthContext) {
  return async (c: Context<AppEnv>) => {
    const { demoUsers, whoIs, authorizationOf = closeAuthorizationOf, apiBaseUrl, timeoutMs } = auth.settings;
    if (!demoUsers) return c.json({ error: 'Demo users exist only with an embedded demo API.' }, 404);
    const body = await readJsonObject(c, 'user_id');
    if ('response' in body) return body.response;
    const userId = body.value.user_id;
    if (typeof userId !== 'string' || userId === '') return fieldError(c, 'user_id', 'Required: the id of a demo user.');
    const account = demoUsers.find((u) => u.id === userId);
    if (!account) return fieldError(c, 'user_id', `No demo user has the id ${JSON.stringify(userId)}.`);
    try {
      const authorization = authorizationOf({ apiKey: account.apiKey });
      const user = whoIs ? await whoIs(authorization, timeoutMs) : await fetchMe(apiBaseUrl, authorization, timeoutMs);
      await startSession(c, auth, user, { apiKey: account.apiKey }, null);
      return c.json({ user });
    } catch (error) {
      if (!(error instanceof AuthCallFailure)) throw error;
      return c.json({ error: `Could not sign in as that user: ${error.message}` }, error.status === 401 ? 502 : error.status);
    }
  };
}
