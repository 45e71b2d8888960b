/**
 * The real app server with sign-in set up against a fake Close (fake-close-auth.ts), a given
 * session store and a clock the test moves.
 */
import { createLogger } from '../../logger';
import { type TestApp, type TestAppOptions, startTestApp } from '../../testing/start-test-app';
import type { AuthContext, AuthSettings, DemoUserAccount } from '../auth-settings';
import { CredentialCipher } from '../credential-cipher';
import { createCredentialResolver } from '../resolve-credential';
import type { SessionStore } from '../session-store';
import { SESSION_COOKIE } from '../session-cookie';
import { type FakeCloseAuth, OAUTH_CLIENT, PEOPLE } from './fake-close-auth';

export const TEST_SESSION_SECRET = 'a-test-session-secret-of-at-least-32-characters';
export const DEFAULT_KEY = PEOPLE[2]!.apiKey;

export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  let at = start;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

export interface AuthTestAppOptions {
  close: FakeCloseAuth;
  store: SessionStore;
  clock?: TestClock;
  signIn?: 'optional' | 'required';
  oauth?: boolean;
  demoUsers?: readonly DemoUserAccount[] | null;
  settings?: Partial<AuthSettings>;
  app?: Partial<TestAppOptions>;
}

export interface AuthTestApp extends TestApp {
  auth: AuthContext;
}

export async function startAuthTestApp(options: AuthTestAppOptions): Promise<AuthTestApp> {
  const signIn = options.signIn ?? 'optional';
  const settings: AuthSettings = {
    backend: 'close',
    signIn,
    apiBaseUrl: options.close.apiBaseUrl,
    defaultApiKey: signIn === 'optional' ? DEFAULT_KEY : null,
    oauth: options.oauth === false ? null : { ...OAUTH_CLIENT, authorizeUrl: options.close.authorizeUrl, tokenUrl: options.close.tokenUrl },
    publicUrl: null,
    idleMs: 60 * 60_000,
    maxMs: 24 * 60 * 60_000,
    timeoutMs: 2_000,
    demoUsers: options.demoUsers ?? null,
    ...options.settings,
  };
  const auth: AuthContext = { settings, store: options.store, cipher: new CredentialCipher(TEST_SESSION_SECRET), now: options.clock?.now ?? Date.now };
  const app = await startTestApp({
    upstream: { baseUrl: options.close.apiBaseUrl },
    credentials: createCredentialResolver(auth, createLogger({ level: 'silent' })),
    auth: { settings, context: auth },
    secrets: [DEFAULT_KEY, ...PEOPLE.map((p) => p.apiKey), TEST_SESSION_SECRET],
    ...options.app,
  });
  return Object.assign(app, { auth });
}

/** The session cookie a response set, as a `Cookie` header value; undefined when none. */
export function sessionCookieFrom(res: Response): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return undefined;
}

/** Signs in with `apiKey` and returns the cookie. */
export async function signInWithKey(app: TestApp, apiKey: string): Promise<string> {
  const res = await fetch(`${app.url}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: apiKey }) });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}
