/**
 * Two instances of the app server sharing one PostgreSQL store, as a team deploys Triage behind a
 * load balancer: a session made on one is served by the other, and a sign-out on either ends it
 * on both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../testing/throwaway-postgres';
import { openPostgresSessionStore } from './postgres-session-store';
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
  // Each instance has its own pool, as two processes would.
  for (let i = 0; i < 2; i++) stores.push(await openPostgresSessionStore(database.url));
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

it('sign in on A, use on B, sign out on B: A refuses the old cookie', async () => {
  const maya = PEOPLE[0]!;
  const cookie = await signInWithKey(a, maya.apiKey);
  const onB = await fetch(`${b.url}/api/v1/me/`, { headers: { cookie } });
  expect(onB.status).toBe(200);
  expect(((await onB.json()) as { id: string }).id).toBe(maya.id);
  expect(await (await fetch(`${b.url}/auth/session`, { headers: { cookie } })).json()).toMatchObject({ user: { id: maya.id } });

  expect((await fetch(`${b.url}/auth/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
  const onA = await fetch(`${a.url}/api/v1/me/`, { headers: { cookie } });
  expect(onA.status).toBe(401);
  expect(await onA.json()).toEqual({ error: 'Sign in to continue.', sign_in_required: true });
  expect((await fetch(`${a.url}/auth/session`, { headers: { cookie } })).status).toBe(401);
});
