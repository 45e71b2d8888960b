/**
 * A token Outreach refuses before its stated expiry (revoked, or expired early) through the real
 * session machinery against the fault-injecting fake Outreach: exactly one refresh per session
 * however many requests meet the 401 at once, on one instance or two sharing the store; each
 * request retried once with the new token; the session ends only when the refresh is refused or
 * the retry is refused too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sealCredential } from '../../auth/credential-cipher';
import { SESSION_COOKIE, hashToken, newSessionToken } from '../../auth/session-cookie';
import type { SessionStore } from '../../auth/session-store';
import { openSqliteSessionStore, sessionsFile } from '../../auth/sqlite-session-store';
import type { FakeCloseAuth } from '../../auth/testing/fake-close-auth';
import { type AuthTestApp, type TestClock, startAuthTestApp, testClock } from '../../auth/testing/start-auth-test-app';
import { OUTREACH_SCOPES, createOutreachConnector } from './outreach-connector';
import { type FakeOutreach, outreachTask, startFakeOutreach } from './testing/fake-outreach';

let fake: FakeOutreach;
let store: SessionStore;
let dir: string;
let clock: TestClock;
const apps: AuthTestApp[] = [];

beforeEach(async () => {
  fake = await startFakeOutreach();
  fake.tasks.set(1, outreachTask(1, 'call', '2026-03-10T14:00:00.000Z'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-refresh-'));
  store = openSqliteSessionStore(sessionsFile(dir));
  clock = testClock();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await store.close();
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(tokenUrl = fake.tokenUrl): Promise<AuthTestApp> {
  const oauth = { clientId: 'client', clientSecret: 'client-secret', authorizeUrl: `${fake.baseUrl}/authorize`, tokenUrl, scope: OUTREACH_SCOPES };
  const connector = createOutreachConnector({ baseUrl: fake.baseUrl, oauth, now: clock.now });
  const upstream = { apiBaseUrl: fake.baseUrl, authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl } as FakeCloseAuth;
  const app = await startAuthTestApp({
    close: upstream,
    store,
    clock,
    signIn: 'required',
    settings: { backend: 'outreach', oauth, whoIs: connector.signIn.whoIs, defaultApiKey: null },
    app: { connector },
  });
  apps.push(app);
  return app;
}

/** A signed-in person whose access token Outreach no longer takes, though it has an hour and more to run. */
async function sessionWith(app: AuthTestApp, accessToken = 'revoked-token'): Promise<{ cookie: string; id: string }> {
  const token = newSessionToken();
  const id = hashToken(token);
  const at = clock.now();
  await store.createSession({
    id,
    user: { id: '1', email: 'alex@example.com', first_name: 'Alex', last_name: 'Morgan', organization_id: 'outreach' },
    credentialKind: 'oauth',
    credential: sealCredential(app.auth.cipher, { accessToken, refreshToken: 'refresh-0' }, id),
    accessExpiresAt: at + 90 * 60_000,
    createdAt: at,
    lastSeenAt: at,
  });
  return { cookie: `${SESSION_COOKIE}=${token}`, id };
}

const getTask = (app: AuthTestApp, cookie: string) => fetch(`${app.url}/api/v1/task/1/`, { headers: { cookie, 'x-tz-offset': '0' } });
const refusedWith = (token: string) => fake.seen.filter((s) => s.authorization === `Bearer ${token}`).length;

describe('a token Outreach refuses before its expiry', () => {
  it('is refreshed exactly once for five requests meeting the 401 at once, each retried with the new token', async () => {
    const app = await start();
    const { cookie } = await sessionWith(app);
    fake.holdTokens = true;
    const racing = [1, 2, 3, 4, 5].map(() => getTask(app, cookie));
    await vi.waitFor(() => expect(refusedWith('revoked-token')).toBe(5));
    await vi.waitFor(() => expect(fake.tokenRequests).toHaveLength(1));
    fake.releaseTokens();
    const answers = await Promise.all(racing);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(Object.fromEntries(fake.tokenRequests[0]!)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-0', client_id: 'client' });
    // Every request went on with the new token (a task read is the task and its people's names).
    expect(fake.seen.every((s) => s.authorization === 'Bearer revoked-token' || s.authorization === 'Bearer fresh-1')).toBe(true);

    // The new token is the session's from now on: no further refresh.
    expect((await getTask(app, cookie)).status).toBe(200);
    expect(fake.tokenRequests).toHaveLength(1);
    expect(refusedWith('revoked-token')).toBe(5);
  });

  it('is refreshed once across two instances sharing the store: the second waits for the first one\'s token', async () => {
    const a = await start();
    const b = await start();
    const { cookie } = await sessionWith(a);
    fake.holdTokens = true;
    let leasesRefused = 0;
    const claim = store.claimRefreshLease.bind(store);
    const spy = vi.spyOn(store, 'claimRefreshLease').mockImplementation(async (...args) => {
      const won = await claim(...args);
      if (!won) leasesRefused++;
      return won;
    });
    const onA = getTask(a, cookie);
    await vi.waitFor(() => expect(fake.tokenRequests).toHaveLength(1));
    const onB = getTask(b, cookie);
    await vi.waitFor(() => expect(leasesRefused).toBeGreaterThan(0));
    spy.mockRestore();
    fake.releaseTokens();
    expect((await onA).status).toBe(200);
    expect((await onB).status).toBe(200);
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it('ends the session when Outreach refuses the refresh (the grant was revoked)', async () => {
    const app = await start();
    const { cookie, id } = await sessionWith(app);
    fake.refuseRefresh = true;
    const res = await getTask(app, cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'Your Outreach sign-in has expired or was revoked. Sign in again.', sign_in_required: true });
    expect(fake.tokenRequests).toHaveLength(1);
    expect(await store.findSession(id, { fresh: true })).toBeNull();
  });

  it('ends the session when the retry with the new token is refused too, after one refresh only', async () => {
    const app = await start();
    const { cookie, id } = await sessionWith(app, 'good-token');
    fake.faults.push({ status: 401 }, { status: 401 });
    const res = await getTask(app, cookie);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ sign_in_required: true });
    expect(fake.tokenRequests).toHaveLength(1);
    expect(fake.seen.map((s) => s.authorization)).toEqual(['Bearer good-token', 'Bearer fresh-1']);
    expect(await store.findSession(id, { fresh: true })).toBeNull();
  });

  it('keeps the session when the token endpoint cannot be reached: a 502 the outbox retries', async () => {
    // Port 9 (discard) on loopback: nothing listens.
    const app = await start('http://127.0.0.1:9/oauth/token');
    const { cookie, id } = await sessionWith(app);
    const res = await getTask(app, cookie);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'Your Outreach sign-in could not be renewed just now. Try again in a moment.' });
    expect(refusedWith('revoked-token')).toBe(1);
    expect(await store.findSession(id, { fresh: true })).not.toBeNull();
  });
});
