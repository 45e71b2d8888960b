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
import { postDemoSession } from './post-demo-session';
import { postSession } from './post-session';
import { SignInLimiter } from './sign-in-limiter';

/**
 * `auth` null: sign-in is not set up (Close with the server's key and no SESSION_SECRET): the
 * page learns so from `/auth/config`, and nobody can sign in.
 */
export function createAuthRoutes(settings: AuthSettings, auth: AuthContext | null, limiter?: SignInLimiter): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/config', getAuthConfig(settings));
  if (!auth) {
    routes.get('/session', (c) => c.json({ error: 'Not signed in.' }, 401));
    routes.all('*', (c) => c.json({ error: 'Signing in is not set up on this server (it needs SESSION_SECRET).' }, 404));
    return routes;
  }
  limiter ??= new SignInLimiter({ now: auth.now });
  routes.post('/session', postSession(auth, limiter));
  routes.get('/session', getSession(auth));
  routes.delete('/session', deleteSession(auth));
  routes.post('/demo-session', postDemoSession(auth));
  routes.get('/close/start', closeOAuthStart(auth));
  routes.get('/close/callback', closeOAuthCallback(auth));
  return routes;
}
