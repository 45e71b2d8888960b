/**
 * `GET /auth/oauth/callback?code=…&state=…` (and its alias `/auth/close/callback`): the backend
 * sends the browser back here. The `state` must
 * be the one this browser's cookie holds and one the store still has (taken as it is read, so a
 * replay fails on every instance); then the code is exchanged for tokens, the connector's `whoIs`
 * (Close's `GET /me/`) says who they belong to, and the session starts. A person who said no, or a round trip that failed at
 * the backend, goes back to the sign-in page with the reason.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { fieldError, publicOrigin } from './auth-request';
import { type AuthContext, cookieSettings } from './auth-settings';
import { clearOAuthStateCookie, hashToken, isTokenShaped, readOAuthStateCookie } from './session-cookie';
import type { SignInProvider } from './sign-in-provider';
import { startSession } from './start-session';
import { AuthCallFailure, bearerAuthorization, fetchMe, requestTokens } from './upstream-auth-calls';

function signInPage(error: string, returnTo: string): string {
  return `/sign-in?${new URLSearchParams({ error, return_to: returnTo })}`;
}

function sameToken(a: string, b: string): boolean {
  return crypto.timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

export function closeOAuthCallback(auth: AuthContext, provider: SignInProvider) {
  return async (c: Context<AppEnv>) => {
    const oauth = auth.settings.oauth;
    if (!oauth) return c.json({ error: `Sign in with ${provider.provider} is not set up on this server.` }, 404);
    c.header('cache-control', 'no-store');
    const state = c.req.query('state');
    if (!isTokenShaped(state)) return fieldError(c, 'state', 'Missing or malformed: start signing in again.');
    const mine = readOAuthStateCookie(c);
    clearOAuthStateCookie(c, cookieSettings(auth.settings));
    if (!mine || !sameToken(state, mine)) {
      return fieldError(c, 'state', 'This sign-in was not started in this browser: start signing in again.');
    }
    const started = await auth.store.takeOAuthState(hashToken(state), auth.now());
    if (!started) return fieldError(c, 'state', 'This sign-in was already used or has expired: start signing in again.');

    const refusal = c.req.query('error');
    if (refusal !== undefined) {
      return c.redirect(signInPage(refusal === 'access_denied' ? 'access_denied' : 'oauth_failed', started.returnTo), 302);
    }
    const code = c.req.query('code');
    if (!code) return fieldError(c, 'code', `Missing: ${provider.provider} sent no authorization code.`);

    try {
      const redirectUri = `${publicOrigin(c, auth.settings.publicUrl)}${provider.callbackPath}`;
      const tokens = await requestTokens(oauth, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, auth.settings.timeoutMs);
      const authorization = bearerAuthorization(tokens.access_token);
      const user = auth.settings.whoIs
        ? await auth.settings.whoIs(authorization, auth.settings.timeoutMs)
        : await fetchMe(auth.settings.apiBaseUrl, authorization, auth.settings.timeoutMs);
      const expiresAt = auth.now() + tokens.expires_in * 1000;
      await startSession(c, auth, user, { accessToken: tokens.access_token, refreshToken: tokens.refresh_token }, expiresAt);
      return c.redirect(started.returnTo, 302);
    } catch (error) {
      if (!(error instanceof AuthCallFailure)) throw error;
      return c.redirect(signInPage(error.kind === 'refused' ? 'oauth_failed' : 'close_unreachable', started.returnTo), 302);
    }
  };
}
