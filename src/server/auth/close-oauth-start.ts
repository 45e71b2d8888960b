/**
 * `GET /auth/oauth/start?return_to=/inbox` (and its alias `/auth/close/start`): "Sign in with
 * Close" or "with Outreach". Sends the browser to the backend's authorize page with a fresh single-use `state`, kept in the store (so any instance can finish
 * the round trip, once) and in a short-lived cookie of this browser (so a `state` started in
 * another browser is refused: the callback needs both).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { fieldError, publicOrigin, safeReturnPath } from './auth-request';
import { type AuthContext, cookieSettings } from './auth-settings';
import { hashToken, newSessionToken, setOAuthStateCookie } from './session-cookie';
import type { SignInProvider } from './sign-in-provider';

/** How long a person has to agree on the backend's page. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export function closeOAuthStart(auth: AuthContext, provider: SignInProvider) {
  return async (c: Context<AppEnv>) => {
    const oauth = auth.settings.oauth;
    if (!oauth) return c.json({ error: `Sign in with ${provider.provider} is not set up on this server.` }, 404);
    const returnTo = safeReturnPath(c.req.query('return_to'));
    if (returnTo === null) return fieldError(c, 'return_to', 'Must be a path on this site, starting with a single "/".');
    const state = newSessionToken();
    await auth.store.saveOAuthState({ id: hashToken(state), returnTo, expiresAt: auth.now() + OAUTH_STATE_TTL_MS });
    setOAuthStateCookie(c, state, cookieSettings(auth.settings), OAUTH_STATE_TTL_MS / 1000);
    const authorize = new URL(oauth.authorizeUrl);
    authorize.searchParams.set('client_id', oauth.clientId);
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set('redirect_uri', `${publicOrigin(c, auth.settings.publicUrl)}${provider.callbackPath}`);
    authorize.searchParams.set('state', state);
    if (oauth.scope) authorize.searchParams.set('scope', oauth.scope);
    c.header('cache-control', 'no-store');
    return c.redirect(authorize.href, 302);
  };
}
