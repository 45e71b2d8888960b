/**
 * The sign-in routes under `/auth`. Mounted behind the app's Host and Origin guards, so every
 * state-changing one (POST, DELETE) refuses another site's request.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuthContext, AuthSettings } from './auth-settings';
import { closeOAuthCallback } from './close-oauth-callback';
import { closeOAuthStart } from './close-oauth-start';
import { deleteSession } from './delete-session';
import { getAuthConfig } from './get-auth-config';
import { getSession } from './get-session';
import { CLOSE_CALLBACK_PATH, CLOSE_START_PATH, OAUTH_CALLBACK_PATH, OAUTH_START_PATH } from './oauth-paths';
import { postDemoSession } from './post-demo-session';
import { postSession } from './post-session';
import { SignInLimiter } from './sign-in-limiter';
import { CLOSE_SIGN_IN, type SignInProvider } from './sign-in-provider';

const underAuth = (path: string) => path.slice('/auth'.length);

/**
 * `auth` null: sign-in is not set up (Close with the server's key and no SESSION_SECRET): the
 * page learns so from `/auth/config`, and nobody can sign in. `provider`: the backend's sign-in,
 * from its connector (Close's when not given).
 */
export function createAuthRoutes(
  settings: AuthSettings,
  auth: AuthContext | null,
  options: { provider?: SignInProvider; limiter?: SignInLimiter } = {},
): Hono<AppEnv> {
  const provider = options.provider ?? CLOSE_SIGN_IN;
  const routes = new Hono<AppEnv>();
  routes.get('/config', getAuthConfig(settings, provider));
  if (!auth) {
    routes.get('/session', (c) => c.json({ error: 'Not signed in.' }, 401));
    routes.all('*', (c) => c.json({ error: 'Signing in is not set up on this server (it needs SESSION_SECRET).' }, 404));
    return routes;
  }
  const limiter = options.limiter ?? new SignInLimiter({ now: auth.now });
  routes.post('/session', postSession(auth, limiter, provider));
  routes.get('/session', getSession(auth));
  routes.delete('/session', deleteSession(auth));
  routes.post('/demo-session', postDemoSession(auth));
  // Both pairs serve every backend: a sign-in started on either comes back to the provider's callbackPath.
  const start = closeOAuthStart(auth, provider);
  const callback = closeOAuthCallback(auth, provider);
  for (const path of [OAUTH_START_PATH, CLOSE_START_PATH]) routes.get(underAuth(path), start);
  for (const path of [OAUTH_CALLBACK_PATH, CLOSE_CALLBACK_PATH]) routes.get(underAuth(path), callback);
  return routes;
}
