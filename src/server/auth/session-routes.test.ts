/**
 * The sign-in contract over real HTTP: key sign-in with each bad input, the session's cookie and
 * lifetimes, sign-out, and who the proxy acts as with and without a session.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../testing/start-test-app';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';
import type { SessionStore } from './session-store';
import { type FakeCloseAuth, PEOPLE, startFakeCloseAuth } from './testing/fake-close-auth';
import { type AuthTestApp, DEFAULT_KEY, TEST_SESSION_SECRET, type TestClock, sessionCookieFrom, signInWithKey, startAuthTestApp, testClock } from './testing/start-auth-test-app';

const [maya, sam] = PEOPLE as [(typeof PEOPLE)[0], (typeof PEOPLE)[0]];

let close: FakeCloseAuth;
let dir: string;
let store: SessionStore;
let app: AuthTestApp | undefined;
let clock: TestClock;

beforeAll(async () => {
  close = await startFakeCloseAuth();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-auth-'));
  store = openSqliteSessionStore(sessionsFile(dir));
});
afterAll(async () => {
  await store.close();
  await close.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(options: { signIn?: 'optional' | 'required' } = {}) {
  clock = testClock();
  app = await startAuthTestApp({ close, store, clock, ...options });
  return app;
}

function postSession(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(`${app!.url}/auth/session`, { method: 'POST', headers, body });
}

async function me(cookie?: string) {
  return fetch(`${app!.url}/api/v1/me/`, { headers: cookie ? { cookie } : {} });
}

describe('POST /auth/session', () => {
  it('signs in with a key Close takes: the user, and an opaque HttpOnly SameSite cookie', async () => {
    await start();
    const res = await postSession(JSON.stringify({ api_key: maya.apiKey }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: maya.id, email: maya.email, first_name: maya.first_name, last_name: maya.last_name, organization_id: 'orga_test' },
    });
    const [setCookie] = res.headers.getSetCookie();
    expect(setCookie).toMatch(/^triage_session=[A-Za-z0-9_-]{43}; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/);
    // The proxy now acts as Maya, with her own key.
    const who = await me(sessionCookieFrom(res));
    expect(((await who.json()) as { id: string }).id).toBe(maya.id);
  });

  it('makes the cookie Secure, and the OAuth redirect URI public, when PUBLIC_URL is https', async () => {
    clock = testClock();
    app = await startAuthTestApp({ close, store, clock, settings: { publicUrl: 'https://triage.example.com' } });
    const res = await postSession(JSON.stringify({ api_key: maya.apiKey }));
    expect(res.headers.getSetCookie()[0]).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const start = await fetch(`${app.url}/auth/close/start`, { redirect: 'manual' });
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe('https://triage.example.com/auth/close/callback');
    expect(start.headers.getSetCookie()[0]).toContain('; Secure');
  });

  it('gives a new cookie at each sign-in and ends the one the browser had', async () => {
    await start();
    const first = await signInWithKey(app!, maya.apiKey);
    const res = await fetch(`${app!.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first },
      body: JSON.stringify({ api_key: sam.apiKey }),
    });
    const second = sessionCookieFrom(res)!;
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect(((await (await me(second)).json()) as { id: string }).id).toBe(sam.id);
  });

  it.each([
    ['no api_key', '{}'],
    ['api_key not a string', '{"api_key": 42}'],
    ['api_key empty', '{"api_key": "  "}'],
    ['api_key with a colon', '{"api_key": "a:b"}'],
    ['a body that is not an object', '["api_key"]'],
    ['null', 'null'],
  ])('answers 400 naming api_key for %s, and sets no cookie', async (_, body) => {
    await start();
    const res = await postSession(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { field: string; 'field-errors': Record<string, string> };
    expect(answer.field).toBe('api_key');
    expect(Object.keys(answer['field-errors'])).toEqual(['api_key']);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('answers 400 for broken JSON and 415 for another content type', async () => {
    await start();
    const broken = await postSession('{"api_key": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'The body is not valid JSON.' });
    const form = await postSession(`api_key=${maya.apiKey}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('answers 401 for a key Close refuses', async () => {
    await start();
    const res = await postSession(JSON.stringify({ api_key: 'api_wrong-key' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Close refused this API key.' });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('answers 502 when Close cannot be reached', async () => {
    clock = testClock();
    app = await startAuthTestApp({ close, store, clock, settings: { apiBaseUrl: 'http://127.0.0.1:9/api/v1' } });
    const res = await postSession(JSON.stringify({ api_key: maya.apiKey }));
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: string }).error).toMatch(/could not be reached/);
  });

  it('refuses a foreign Origin before anything happens', async () => {
    await start();
    const res = await rawRequest({
      port: app!.port,
      method: 'POST',
      path: '/auth/session',
      headers: { host: `127.0.0.1:${app!.port}`, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: maya.apiKey }),
    });
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    const del = await rawRequest({ port: app!.port, method: 'DELETE', path: '/auth/session', headers: { host: `127.0.0.1:${app!.port}`, origin: 'http://evil.example' } });
    expect(del.status).toBe(403);
  });

  it('answers 429 with Retry-After after ten refused keys from one client, good keys included', async () => {
    await start();
    for (let i = 0; i < 10; i++) expect((await postSession(JSON.stringify({ api_key: `api_guess-${i}` }))).status).toBe(401);
    const limited = await postSession(JSON.stringify({ api_key: maya.apiKey }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('GET and DELETE /auth/session', () => {
  it('says who is signed in, then signs out: cookie cleared, the old cookie dead', async () => {
    await start();
    const cookie = await signInWithKey(app!, maya.apiKey);
    const current = await fetch(`${app!.url}/auth/session`, { headers: { cookie } });
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ user: { id: maya.id }, credential: 'api_key' });

    const out = await fetch(`${app!.url}/auth/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^triage_session=; Max-Age=0; .*Path=\/; HttpOnly; SameSite=Lax/);
    expect((await fetch(`${app!.url}/auth/session`, { headers: { cookie } })).status).toBe(401);
    const proxied = await me(cookie);
    expect(proxied.status).toBe(401);
    expect(await proxied.json()).toEqual({ error: 'Sign in to continue.', sign_in_required: true });
  });

  it('answers 401 without a cookie, and for a tampered or made-up one', async () => {
    await start();
    const cookie = await signInWithKey(app!, maya.apiKey);
    const token = cookie.split('=')[1]!;
    const tampered = `triage_session=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const sent of [undefined, tampered, 'triage_session=not-a-token', `triage_session=${'x'.repeat(43)}`]) {
      const res = await fetch(`${app!.url}/auth/session`, { headers: sent ? { cookie: sent } : {} });
      expect(res.status, sent).toBe(401);
      expect(await res.json()).toEqual({ error: 'Not signed in.' });
    }
  });

  it('ends a session idle too long, and one past its absolute lifetime however busy', async () => {
    await start();
    const idle = await signInWithKey(app!, maya.apiKey);
    clock.advance(61 * 60_000);
    expect((await me(idle)).status).toBe(401);

    const busy = await signInWithKey(app!, maya.apiKey);
    for (let hour = 0; hour < 24; hour++) {
      clock.advance(59 * 60_000);
      expect((await me(busy)).status, `hour ${hour}`).toBe(200);
    }
    // 23 h 36 min since sign-in, 30 min since the last request: only the 24 h limit ends it.
    clock.advance(30 * 60_000);
    const res = await me(busy);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ sign_in_required: true });
  });
});

describe('who the proxy acts as', () => {
  it('SIGN_IN=optional: no cookie is the server key, as before; a dead cookie is never the server key', async () => {
    await start();
    const none = await fetch(`${app!.url}/api/v1/me/`);
    expect(((await none.json()) as { id: string }).id).toBe('user_owner');
    expect(close.apiAuthorizations.at(-1)).toBe(`Basic ${Buffer.from(`${DEFAULT_KEY}:`).toString('base64')}`);
    const dead = await me(`triage_session=${'y'.repeat(43)}`);
    expect(dead.status).toBe(401);
    expect(await dead.json()).toEqual({ error: 'Sign in to continue.', sign_in_required: true });
  });

  it('SIGN_IN=required: no session, no data (proxy and media route)', async () => {
    await start({ signIn: 'required' });
    const before = close.apiAuthorizations.length;
    const res = await fetch(`${app!.url}/api/v1/task/`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Sign in to continue.', sign_in_required: true });
    const media = await fetch(`${app!.url}/api/media?url=${encodeURIComponent(`${close.origin}/api/v1/me/`)}`);
    expect(media.status).toBe(401);
    expect(close.apiAuthorizations.length).toBe(before);
    const cookie = await signInWithKey(app!, sam.apiKey);
    expect(((await (await me(cookie)).json()) as { id: string }).id).toBe(sam.id);
  });

  it('ends a session whose key Close stops taking, and asks to sign in again', async () => {
    await start();
    const cookie = await signInWithKey(app!, maya.apiKey);
    // Maya's key is replaced in Close: a request with it is refused upstream.
    const original = maya.apiKey;
    (maya as { apiKey: string }).apiKey = 'api_rotated';
    try {
      const res = await me(cookie);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Your Close sign-in has expired or was revoked. Sign in again.', sign_in_required: true });
      expect(await store.findSession(sessionIdOf(cookie))).toBeNull();
    } finally {
      (maya as { apiKey: string }).apiKey = original;
    }
  });
});

describe('GET /auth/config', () => {
  it('says what sign-in offers, with the demo users but never their keys', async () => {
    clock = testClock();
    const demoUsers = [{ id: 'user_demo', first_name: 'Alex', last_name: 'Rivera', email: 'alex@example.com', role: 'manager' as const, time_zone: 'UTC', apiKey: 'demo-secret-key' }];
    app = await startAuthTestApp({ close, store, clock, demoUsers, settings: { backend: 'embedded' } });
    const res = await fetch(`${app.url}/auth/config`);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      backend: 'embedded',
      sign_in: 'optional',
      provider: 'Close',
      api_key: true,
      oauth: true,
      oauth_start: '/auth/oauth/start',
      help: { api_key: expect.stringContaining('Settings → Developer → API Keys'), oauth: expect.stringContaining("Close's own page") },
      demo_users: [{ id: 'user_demo', first_name: 'Alex', last_name: 'Rivera', email: 'alex@example.com', role: 'manager', time_zone: 'UTC' }],
    });
    expect(text).not.toContain('demo-secret-key');

    const switched = await fetch(`${app.url}/auth/demo-session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_id: 'user_nobody' }) });
    expect(switched.status).toBe(400);
    expect(await switched.json()).toMatchObject({ field: 'user_id' });
  });

  it('POST /auth/demo-session is 404 outside embedded mode', async () => {
    await start();
    const res = await fetch(`${app!.url}/auth/demo-session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"user_id":"x"}' });
    expect(res.status).toBe(404);
  });
});

describe('credentials stay on the server', () => {
  it('appear in no response header or body, no log line, and not in the store file', async () => {
    await start();
    const cookie = await signInWithKey(app!, maya.apiKey);
    const answers: string[] = [];
    for (const [p, init] of [
      ['/auth/session', { headers: { cookie } }],
      ['/auth/config', {}],
      ['/api/v1/me/', { headers: { cookie } }],
      ['/api/v1/task/', { headers: { cookie } }],
      ['/api/v1/task/', { headers: { cookie } }],
      ['/auth/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: sam.apiKey }) }],
    ] as const) {
      const res = await fetch(`${app!.url}${p}`, init as RequestInit);
      answers.push([...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n'), await res.text());
    }
    const raw = ['', '-wal'].map((s) => `${sessionsFile(dir)}${s}`).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
    for (const secret of [maya.apiKey, sam.apiKey, Buffer.from(`${maya.apiKey}:`).toString('base64'), TEST_SESSION_SECRET]) {
      expect(answers.join('\n')).not.toContain(secret);
      expect(app!.logs.join('\n')).not.toContain(secret);
      expect(raw).not.toContain(secret);
    }
    // The cookie's token is not in the store either: only its hash is.
    expect(raw).not.toContain(cookie.split('=')[1]!);
    expect(raw).toContain(sessionIdOf(cookie));
  });
});

function sessionIdOf(cookie: string): string {
  return crypto.createHash('sha256').update(cookie.split('=')[1]!).digest('hex');
}
