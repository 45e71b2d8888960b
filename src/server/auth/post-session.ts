/**
 * `POST /auth/session {"api_key": "…"}`: signs in with a person's own API key, checked with
 * Close's `GET /me/`. Repeated refused keys from one address are slowed down (sign-in-limiter.ts).
 * A backend without API keys (Outreach) refuses the field itself and says how to sign in instead.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { basicAuthorization } from '../proxy/forward-request';
import { clientAddress, fieldError, readJsonObject } from './auth-request';
import type { AuthContext } from './auth-settings';
import type { SignInLimiter } from './sign-in-limiter';
import type { SignInProvider } from './sign-in-provider';
import { startSession } from './start-session';
import { AuthCallFailure, fetchMe } from './upstream-auth-calls';

export function postSession(auth: AuthContext, limiter: SignInLimiter, provider: SignInProvider) {
  return async (c: Context<AppEnv>) => {
    if (!provider.apiKey) {
      return fieldError(c, 'api_key', `${provider.provider} has no API keys: sign in with ${provider.provider} instead (GET /auth/oauth/start).`);
    }
    const client = clientAddress(c);
    const wait = limiter.retryAfterSeconds(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: `Too many refused keys from here. Try again in ${Math.ceil(wait / 60)} minute(s).` }, 429);
    }
    const body = await readJsonObject(c, 'api_key');
    if ('response' in body) return body.response;
    const apiKey = body.value.api_key;
    if (typeof apiKey !== 'string') return fieldError(c, 'api_key', 'Required: your Close API key, as a string.');
    const key = apiKey.trim();
    if (key === '') return fieldError(c, 'api_key', 'Required: your Close API key.');
    if (!/^[^\s:]+$/.test(key)) return fieldError(c, 'api_key', "An API key has no spaces or ':'; paste it exactly as Close shows it.");

    try {
      const user = await fetchMe(auth.settings.apiBaseUrl, basicAuthorization(key), auth.settings.timeoutMs);
      limiter.succeeded(client);
      await startSession(c, auth, user, { apiKey: key }, null);
      return c.json({ user });
    } catch (error) {
      if (!(error instanceof AuthCallFailure)) throw error;
      if (error.kind === 'refused') {
        limiter.failed(client);
        return c.json({ error: 'Close refused this API key.' }, 401);
      }
      return c.json({ error: `Could not check the key: ${error.message}` }, error.status);
    }
  };
}
