/**
 * "Sign in with Close" over real HTTP against a fake Close: the round trip, every misuse of
 * `state`, and the access token's refresh: one at a time per session, on one instance and across
 * two sharing a store, each storing the new refresh token.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';
import type { SessionStore } from './session-store';
import { type FakeCloseAuth, PEOPLE, startFakeCloseAuth } from './testing/fake-close-auth';
import { type AuthTestApp, type TestClock, sessionCookieFrom, startAuthTestApp, testClock } from './testing/start-auth-test-app';

const maya = PEOPLE[0]!;

let close: FakeCloseAuth;
let dir: string;
let store: SessionStore;
let clock: TestClock;
const apps: AuthTestApp[] = [];

beforeAll(async () => {
  close = await startFakeCloseAuth();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-oauth-'));
  store = openSqliteSessionStore(sessionsFile(dir));
});
afterAll(async () => {
  await store.close();
  await close.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  clock = testClock();
  close.expiresIn = 3600;
  close.holdRefreshes = false;
  close.tokenRequests.length = 0;
});
afterEach(async () => {
  close.releaseRefreshes();
  for (const app of apps.splice(0)) await app.close();
});

async function start() {
  const app = await startAuthTestApp({ close, store, clock });
  apps.push(app);
  return app;
}

/** `GET /auth/close/start`: the state Close is sent and the browser's state cookie. */
async function begin(app: AuthTestApp, returnTo = '/inbox?tz=UTC') {
  const res = await fetch(`${app.url}/auth/close/start?return_to=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  const stateCookie = res.headers.getSetCookie().find((c) => c.startsWith('triage_oauth_state='))!;
  return { location, state: location.searchParams.get('state')!, cookie: stateCookie.split(';')[0]!, setCookie: stateCookie };
}

function callback(app: AuthTestApp, query: Record<string, string>, cookie?: string) {
  return fetch(`${app.url}/auth/close/callback?${new URLSearchParams(query)}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

async function signInWithClose(app: AuthTestApp): Promise<string> {
  const { location, state, cookie } = await begin(app);
  const code = close.issueCode(maya, location.searchParams.get('redirect_uri')!);
  const res = await callback(app, { code, state }, cookie);
  expect(res.status).toBe(302);
  return sessionCookieFrom(res)!;
}

const refreshes = () => close.tokenRequests.filter((r) => r.grant_type === 'refresh_token').length;

describe('the OAuth round trip', () => {
  it('sends the browser to Close with a fresh state bound to it, and back signed in', async () => {
    const app = await start();
    const { location, state, setCookie, cookie } = await begin(app);
    expect(`${location.origin}${location.pathname}`).toBe(close.authorizeUrl);
    expect(location.searchParams.get('client_id')).toBe('test-client');
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('redirect_uri')).toBe(`${app.url}/auth/close/callback`);
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie).toMatch(/; HttpOnly; SameSite=Lax$/);
    expect((await begin(app)).state).not.toBe(state);

    const code = close.issueCode(maya, location.searchParams.get('redirect_uri')!);
    const res = await callback(app, { code, state }, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/inbox?tz=UTC');
    const session = sessionCookieFrom(res)!;
    const current = await fetch(`${app.url}/auth/session`, { headers: { cookie: session } });
    expect(await current.json()).toMatchObject({ user: { id: maya.id }, credential: 'oauth' });
    await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } });
    expect(close.apiAuthorizations.at(-1)).toMatch(/^Bearer access_/);
    // No token ever reaches the browser.
    const texts = [JSON.stringify(await (await fetch(`${app.url}/auth/session`, { headers: { cookie: session } })).json()), res.headers.get('location'), ...res.headers.getSetCookie()].join('\n');
    for (const token of close.issuedTokens) expect(texts).not.toContain(token);
  });

  it('starts on the provider-neutral path too, and comes back to the redirect URI Close deployments registered', async () => {
    const app = await start();
    const started = await fetch(`${app.url}/auth/oauth/start?return_to=%2Ffuture`, { redirect: 'manual' });
    expect(started.status).toBe(302);
    const location = new URL(started.headers.get('location')!);
    expect(location.searchParams.get('redirect_uri')).toBe(`${app.url}/auth/close/callback`);
    const cookie = started.headers.getSetCookie().find((c) => c.startsWith('triage_oauth_state='))!.split(';')[0]!;
    const code = close.issueCode(maya, location.searchParams.get('redirect_uri')!);
    const res = await fetch(`${app.url}/auth/oauth/callback?${new URLSearchParams({ code, state: location.searchParams.get('state')! })}`, { redirect: 'manual', headers: { cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/future');
    expect(sessionCookieFrom(res)).toBeTruthy();
  });

  it('refuses a return_to that leaves the site', async () => {
    const app = await start();
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'inbox']) {
      const res = await fetch(`${app.url}/auth/close/start?return_to=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
      expect(res.status, returnTo).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'return_to' });
    }
  });

  it('answers 400 to a missing, wrong, replayed or other browser\'s state, and starts no session', async () => {
    const app = await start();
    const mine = await begin(app);
    const theirs = await begin(app);
    const code = () => close.issueCode(maya, mine.location.searchParams.get('redirect_uri')!);
    const misuses: Array<[string, Record<string, string>, string | undefined]> = [
      ['missing', { code: code() }, mine.cookie],
      ['malformed', { code: code(), state: 'abc' }, mine.cookie],
      ['no state cookie', { code: code(), state: mine.state }, undefined],
      ['wrong', { code: code(), state: 'W'.repeat(43) }, mine.cookie],
      ["another browser's", { code: code(), state: theirs.state }, mine.cookie],
    ];
    for (const [what, query, cookie] of misuses) {
      const res = await callback(app, query, cookie);
      expect(res.status, what).toBe(400);
      expect(await res.json(), what).toMatchObject({ field: 'state' });
      expect(sessionCookieFrom(res), what).toBeUndefined();
    }
    // Used once, it cannot be used again (on any instance: the store hands it out once).
    expect((await callback(app, { code: code(), state: mine.state }, mine.cookie)).status).toBe(302);
    const replay = await callback(app, { code: code(), state: mine.state }, mine.cookie);
    expect(replay.status).toBe(400);
    expect(sessionCookieFrom(replay)).toBeUndefined();
  });

  it('sends a person who said no back to sign-in with the reason and the way back', async () => {
    const app = await start();
    const { state, cookie } = await begin(app, '/team/user_1');
    const res = await callback(app, { error: 'access_denied', state }, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/sign-in?error=access_denied&return_to=%2Fteam%2Fuser_1');
  });
});

describe('refreshing the access token', () => {
  it('refreshes before expiry, once for two requests racing, and keeps the new refresh token', async () => {
    close.expiresIn = 120;
    const app = await start();
    const session = await signInWithClose(app);
    const firstRefreshToken = close.issuedTokens.at(-1)!;
    clock.advance(70_000);
    close.holdRefreshes = true;
    const racing = [1, 2].map(() => fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } }));
    await vi.waitFor(() => expect(refreshes()).toBe(1));
    close.releaseRefreshes();
    const answers = await Promise.all(racing);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(refreshes()).toBe(1);
    expect(close.tokenRequests.at(-1)).toMatchObject({ grant_type: 'refresh_token', refresh_token: firstRefreshToken });

    // The next refresh uses the new refresh token (the fake voided the first when it was used).
    close.holdRefreshes = false;
    clock.advance(70_000);
    expect((await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } })).status).toBe(200);
    expect(refreshes()).toBe(2);
    expect(close.tokenRequests.at(-1)?.refresh_token).not.toBe(firstRefreshToken);
  });

  it('refreshes once across two instances that share the store', async () => {
    close.expiresIn = 120;
    const a = await start();
    const b = await start();
    const session = await signInWithClose(a);
    clock.advance(70_000);
    close.holdRefreshes = true;
    let leasesRefused = 0;
    const claim = store.claimRefreshLease.bind(store);
    const spy = vi.spyOn(store, 'claimRefreshLease').mockImplementation(async (...args) => {
      const won = await claim(...args);
      if (!won) leasesRefused++;
      return won;
    });
    const onA = fetch(`${a.url}/api/v1/me/`, { headers: { cookie: session } });
    await vi.waitFor(() => expect(refreshes()).toBe(1));
    // B finds the lease taken and waits for A's new credential instead of refreshing too.
    const onB = fetch(`${b.url}/api/v1/me/`, { headers: { cookie: session } });
    await vi.waitFor(() => expect(leasesRefused).toBeGreaterThan(0));
    spy.mockRestore();
    close.releaseRefreshes();
    expect((await onA).status).toBe(200);
    expect((await onB).status).toBe(200);
    expect(refreshes()).toBe(1);
  });

  it('ends the session when Close refuses the refresh (revoked)', async () => {
    close.expiresIn = 120;
    const app = await start();
    const session = await signInWithClose(app);
    close.revoke(maya);
    clock.advance(70_000);
    const res = await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Your Close sign-in has expired or was revoked. Sign in again.', sign_in_required: true });
    expect((await fetch(`${app.url}/auth/session`, { headers: { cookie: session } })).status).toBe(401);
  });
});
