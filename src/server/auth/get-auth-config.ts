/**
 * `GET /auth/config`: what the sign-in page offers, as the backend's connector describes it
 * (sign-in-provider.ts): its name, whether it takes API keys, whether OAuth is set up and where it
 * starts, where to find things in the backend, and (embedded) the demo users. Never a key.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuthSettings } from './auth-settings';
import { OAUTH_START_PATH } from './oauth-paths';
import type { SignInProvider } from './sign-in-provider';

export function getAuthConfig(settings: AuthSettings, provider: SignInProvider) {
  const oauth = settings.oauth !== null;
  const body = {
    backend: settings.backend,
    sign_in: settings.signIn,
    provider: provider.provider,
    api_key: provider.apiKey,
    oauth,
    oauth_start: oauth ? OAUTH_START_PATH : null,
    help: { api_key: provider.apiKey ? provider.help.apiKey : null, oauth: oauth ? provider.help.oauth : null },
    demo_users: settings.demoUsers?.map(({ id, first_name, last_name, email, role, time_zone }) => ({ id, first_name, last_name, email, role, time_zone })) ?? null,
  };
  return (c: Context<AppEnv>) => c.json(body);
}
