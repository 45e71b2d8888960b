/** `GET /auth/config`: what the sign-in page offers. Never a key. */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuthSettings } from './auth-settings';

export function getAuthConfig(settings: AuthSettings) {
  const body = {
    backend: settings.backend,
    sign_in: settings.signIn,
    oauth: settings.oauth !== null,
    demo_users: settings.demoUsers?.map(({ id, first_name, last_name, email, role, time_zone }) => ({ id, first_name, last_name, email, role, time_zone })) ?? null,
  };
  return (c: Context<AppEnv>) => c.json(body);
}
