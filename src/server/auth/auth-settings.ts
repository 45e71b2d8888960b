/**
 * What the sign-in routes and the credential resolver share: the settings that decide who acts
 * for a request (from env.ts, resolved by index.ts), the store, the cipher and the clock.
 */
import type { CredentialCipher } from './credential-cipher';
import type { SessionStore } from './session-store';
import type { OAuthClientSettings } from './upstream-auth-calls';

/** A demo user of the embedded API; the key stays on the server (only `POST /auth/demo-session` uses it). */
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
  backend: 'embedded' | 'close';
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
