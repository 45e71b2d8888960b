/**
 * "Sign in with Close" end to end against the embedded API's own OAuth endpoints (its consent
 * page and token endpoint), as `npm start` offers it with no Close account: sign in as the rep,
 * act as the rep, refresh the token when it nears expiry (one shared clock), sign out.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../close-api/testing/test-close-api';
import { createLogger } from '../logger';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import type { AuthContext, AuthSettings } from './auth-settings';
import { CredentialCipher } from './credential-cipher';
import { createCredentialResolver } from './resolve-credential';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';
import type { SessionStore } from './session-store';
import { sessionCookieFrom, testClock } from './testing/start-auth-test-app';

const clock = testClock(Date.UTC(2024, 2, 1, 9));
const oauth = { clientId: 'triage-embedded', clientSecret: 'embedded-client-secret-for-tests', accessTokenTtlSeconds: 300 };
let api: TestApi;
let dir: string;
let store: SessionStore;
let app: TestApp;

beforeAll(async () => {
  api = await startTestCloseApi({ now: clock.now, oauth });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-embedded-oauth-'));
  store = openSqliteSessionStore(sessionsFile(dir));
  const settings: AuthSettings = {
    backend: 'embedded',
    signIn: 'required',
    apiBaseUrl: api.baseUrl,
    defaultApiKey: null,
    oauth: { clientId: oauth.clientId, clientSecret: oauth.clientSecret, authorizeUrl: `${api.origin}/oauth2/authorize/`, tokenUrl: `${api.origin}/oauth2/token/` },
    publicUrl: null,
    idleMs: 60 * 60_000,
    maxMs: 24 * 60 * 60_000,
    timeoutMs: 5_000,
    demoUsers: null,
  };
  const auth: AuthContext = { settings, store, cipher: new CredentialCipher('s'.repeat(32)), now: clock.now };
  app = await startTestApp({
    mode: 'embedded',
    upstream: { baseUrl: api.baseUrl },
    credentials: createCredentialResolver(auth, createLogger({ level: 'silent' })),
    auth: { settings, context: auth },
    secrets: [oauth.clientSecret],
  });
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('signs in through the consent page, acts as that person, refreshes, and signs out', async () => {
  const start = await fetch(`${app.url}/auth/close/start?return_to=%2Finbox`, { redirect: 'manual' });
  const authorize = new URL(start.headers.get('location')!);
  const stateCookie = start.headers.getSetCookie()[0]!.split(';')[0]!;
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${api.origin}/oauth2/authorize/`);
  expect((await fetch(authorize)).status).toBe(200);

  // The person picks Rita on the consent page and allows.
  const form = new URLSearchParams(authorize.searchParams);
  form.set('user_id', api.users.rep.id);
  form.set('decision', 'allow');
  const consent = await fetch(`${api.origin}/oauth2/authorize/`, { method: 'POST', body: form, redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = await fetch(consent.headers.get('location')!, { redirect: 'manual', headers: { cookie: stateCookie } });
  expect(back.status).toBe(302);
  expect(back.headers.get('location')).toBe('/inbox');
  const cookie = sessionCookieFrom(back)!;

  const me = async () => fetch(`${app.url}/api/v1/me/`, { headers: { cookie } });
  expect(((await (await me()).json()) as { id: string }).id).toBe(api.users.rep.id);
  const rows = () => store.findSession(crypto.createHash('sha256').update(cookie.split('=')[1]!).digest('hex'));
  const before = (await rows())!;

  // Four and a half minutes on, the five-minute token is refreshed before use, and a new one stored.
  clock.advance(270_000);
  expect(((await (await me()).json()) as { id: string }).id).toBe(api.users.rep.id);
  const after = (await rows())!;
  expect(after.credential).not.toBe(before.credential);
  expect(after.accessExpiresAt).toBe(clock.now() + 300_000);

  expect((await fetch(`${app.url}/auth/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
  expect((await me()).status).toBe(401);
});
