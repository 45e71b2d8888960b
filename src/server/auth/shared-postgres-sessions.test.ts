/**
 * Two instances of the app server sharing one PostgreSQL store, as a team deploys Triage behind a
 * load balancer: a session made on one is served by the other, and a sign-out on either ends it
 * on both. Each instance keeps the sessions it has seen in memory; the others' announcements
 * (LISTEN/NOTIFY) are what ends them there, and a time to live bounds an entry should one ever be
 * lost (ADR 0012).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres';
import { openPostgresSessionStore } from './postgres-session-store';
import { hashToken, newSessionToken } from './session-cookie';
import type { SessionStore } from './session-store';
import { type FakeCloseAuth, PEOPLE, startFakeCloseAuth } from './testing/fake-close-auth';
import { type AuthTestApp, signInWithKey, startAuthTestApp } from './testing/start-auth-test-app';

let database: ThrowawayPostgres;
let close: FakeCloseAuth;
const stores: SessionStore[] = [];
let a: AuthTestApp;
let b: AuthTestApp;

beforeAll(async () => {
  database = await startThrowawayPostgres();
  close = await startFakeCloseAuth();
  // Each instance has its own pool, as two processes would. An hour to live: within these tests
  // only an announcement can end what an instance keeps.
  for (let i = 0; i < 2; i++) stores.push(await openPostgresSessionStore(database.url, { cacheTtlMs: 60 * 60_000 }));
  a = await startAuthTestApp({ close, store: stores[0]!, signIn: 'required' });
  b = await startAuthTestApp({ close, store: stores[1]!, signIn: 'required' });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  for (const store of stores) await store.close();
  await close?.close();
  await database?.stop();
});

const meOn = (app: AuthTestApp, cookie: string) => fetch(`${app.url}/api/v1/me/`, { headers: { cookie } });

it('sign in on A, use on both, sign out on B: A refuses the old cookie as soon as it has heard', async () => {
  const maya = PEOPLE[0]!;
  const cookie = await signInWithKey(a, maya.apiKey);
  for (const app of [a, b, a, b]) {
    const me = await meOn(app, cookie);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(maya.id);
  }
  expect(await (await fetch(`${b.url}/auth/session`, { headers: { cookie } })).json()).toMatchObject({ user: { id: maya.id } });

  expect((await fetch(`${b.url}/auth/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
  // B ended it itself: refused at once.
  expect((await meOn(b, cookie)).status).toBe(401);
  // A kept it in memory; B's announcement arrives within milliseconds and ends it there too.
  await expect.poll(async () => (await meOn(a, cookie)).status, { timeout: 10_000, interval: 20 }).toBe(401);
  const onA = await meOn(a, cookie);
  expect(await onA.json()).toEqual({ error: 'Sign in to continue.', sign_in_required: true });
  expect((await fetch(`${a.url}/auth/session`, { headers: { cookie } })).status).toBe(401);
});

it('an instance trusts what it keeps no longer than its time to live, should an announcement be lost', async () => {
  let now = 1_000_000;
  const store = await openPostgresSessionStore(database.url, { cacheTtlMs: 5_000, now: () => now });
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  try {
    const id = hashToken(newSessionToken());
    const user = { id: 'user_1', email: 'a@example.com', first_name: 'Ann', last_name: 'Lee' };
    await store.createSession({ id, user, credentialKind: 'api_key', credential: 'sealed', accessExpiresAt: null, createdAt: now, lastSeenAt: now });
    expect(await store.findSession(id)).not.toBeNull();
    // Deleted without the announcement every instance sends.
    await raw.query('DELETE FROM triage_sessions WHERE id = $1', [id]);
    expect(await store.findSession(id)).not.toBeNull();
    expect(await store.findSession(id, { fresh: true })).toBeNull();
    expect(await store.findSession(id)).not.toBeNull();
    now += 5_000;
    expect(await store.findSession(id)).toBeNull();
  } finally {
    await raw.end();
    await store.close();
  }
});

it('a refreshed credential saved on one instance replaces the one the other keeps', async () => {
  const id = hashToken(newSessionToken());
  const user = { id: 'user_2', email: 'b@example.com', first_name: 'Ben', last_name: 'Ng' };
  const at = Date.now();
  await stores[0]!.createSession({ id, user, credentialKind: 'oauth', credential: 'sealed-1', accessExpiresAt: at + 60_000, createdAt: at, lastSeenAt: at });
  expect((await stores[0]!.findSession(id))?.credential).toBe('sealed-1');
  await stores[1]!.saveRefreshedCredential(id, 'sealed-2', at + 120_000);
  await expect.poll(async () => (await stores[0]!.findSession(id))?.credential, { timeout: 10_000, interval: 20 }).toBe('sealed-2');
});
