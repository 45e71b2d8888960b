/**
 * What the sign-in routes and the credential resolver share: the settings that decide who acts
 * for a request (from env.ts, resolved by index.ts), the store, the cipher and the clock.
 */
import type { Backend } from '../env';
import type { CredentialCipher } from './credential-cipher';
import type { SessionStore } from './session-store';
import type { OAuthClientSettings, WhoIs } from './upstream-auth-calls';

/**
 * A demo user of an embedded stand-in: the embedded Close API's (their API key) or the Outreach
 * stand-in's (their static bearer token, in `apiKey`). The key stays on the server (only
 * `POST /auth/demo-session` uses it); `authorizationOf` says how it goes upstream.
 */
export interface DemoUserAccount {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  role: 'manager' | 'rep';
  time_zone: string;
  apiKey: string;
}

export interface AuthSettings {
  backend: Backend;
  signIn: 'optional' | 'required';
  /** Where the upstream's `/api/v1` lives (for `GET /me/`). */
  apiBaseUrl: string;
  /** The key that acts for a request without a session when sign-in is optional; null: nobody does. */
  defaultApiKey: string | null;
  /** "Sign in with Close" is offered when set. */
  oauth: OAuthClientSettings | null;
  /** PUBLIC_URL: the redirect URI's origin, and https makes the cookie Secure; null: the request's own origin. */
  publicUrl: string | null;
  idleMs: number;
  maxMs: number;
  /** UPSTREAM_TIMEOUT_MS, also for the calls sign-in makes. */
  timeoutMs: number;
  /** The embedded API's demo users (embedded mode only). */
  demoUsers: readonly DemoUserAccount[] | null;
  /** Who an OAuth token acts as, from the backend's connector; absent: Close's `GET /me/` at apiBaseUrl. */
  whoIs?: WhoIs;
  /**
   * The Authorization a stored credential (and `defaultApiKey`) goes upstream with, from the
   * backend's connector: the Outreach stand-in's demo tokens are Bearer. Absent: Close's (a Basic
   * key, a Bearer OAuth token).
   */
  authorizationOf?: (credential: { apiKey: string } | { accessToken: string }) => string;
}

export interface AuthContext {
  settings: AuthSettings;
  store: SessionStore;
  cipher: CredentialCipher;
  /** The clock (tests move it to expire sessions and tokens). */
  now: () => number;
}

export function cookieSettings(settings: AuthSettings): { secure: boolean } {
  return { secure: settings.publicUrl?.startsWith('https:') ?? false };
}
