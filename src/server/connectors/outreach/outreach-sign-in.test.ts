/**
 * Signing in with Outreach through the same sessions as Close: the stand-in's OAuth consent page,
 * the code exchanged for tokens, the person found through the connector, and their requests
 * answered with their own token.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeCloseAuth } from '../../auth/testing/fake-close-auth';
import { type AuthTestApp, sessionCookieFrom, startAuthTestApp } from '../../auth/testing/start-auth-test-app';
import { openSqliteSessionStore, sessionsFile } from '../../auth/sqlite-session-store';
import type { SessionStore } from '../../auth/session-store';
import { type TestOutreachApi, startTestOutreachApi } from '../../outreach-api/testing/test-outreach-api';
import { OUTREACH_SCOPES, createOutreachConnector } from './outreach-connector';

const CLIENT = { clientId: 'triage-test-client', clientSecret: 'triage-test-client-secret' };

let api: TestOutreachApi;
let app: AuthTestApp;
let store: SessionStore;
let dir: string;

beforeEach(async () => {
  api = await startTestOutreachApi({ oauth: CLIENT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-sign-in-'));
  store = openSqliteSessionStore(sessionsFile(dir));
  const oauth = { ...CLIENT, authorizeUrl: `${api.origin}/oauth/authorize`, tokenUrl: `${api.origin}/oauth/token`, scope: OUTREACH_SCOPES };
  const connector = createOutreachConnector({ baseUrl: api.baseUrl, oauth, now: () => api.clock.nowMs });
  // The sign-in routes read only these of the fake Close: the settings below replace its URLs.
  const upstream = { apiBaseUrl: api.baseUrl, authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl } as FakeCloseAuth;
  app = await startAuthTestApp({
    close: upstream,
    store,
    signIn: 'required',
    settings: { backend: 'outreach', oauth: connector.signIn.oauth, whoIs: connector.signIn.whoIs, defaultApiKey: null },
    app: { connector },
  });
});
afterEach(async () => {
  await app.close();
  await store.close();
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');

/** Signs Maya in through the stand-in's consent page; answers the session cookie. */
async function signInAsMaya(): Promise<string> {
  const start = await fetch(`${app.url}/auth/oauth/start?return_to=/inbox`, { redirect: 'manual' });
  const authorize = new URL(start.headers.get('location')!);
  const consent = await fetch(authorize.origin + authorize.pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), decision: 'allow', user_id: String(api.users.maya!.id) }),
  });
  const callback = await fetch(consent.headers.get('location')!, { redirect: 'manual', headers: { cookie: cookiesOf(start) } });
  expect(callback.status).toBe(302);
  return sessionCookieFrom(callback)!;
}

const accessTokensIssued = () => (api.db.prepare("SELECT count(*) AS n FROM oauth_tokens WHERE kind = 'access'").get() as { n: number }).n;

describe('signing in with Outreach', () => {
  it('refreshes an access token the stand-in no longer takes exactly once for requests meeting it at once', async () => {
    const session = await signInAsMaya();
    const issued = accessTokensIssued();
    // The stand-in's clock passes the token's two hours; the session's does not, so no refresh is due by its expiry.
    api.clock.nowMs += 2 * 60 * 60_000 + 1_000;
    const answers = await Promise.all([1, 2, 3, 4].map(() => fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(accessTokensIssued()).toBe(issued + 1);
    expect((await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } })).status).toBe(200);
    expect(accessTokensIssued()).toBe(issued + 1);
  });

  it('goes through the consent page and acts as the chosen person with their own token', async () => {
    expect((await fetch(`${app.url}/api/v1/me/`)).status).toBe(401);

    const start = await fetch(`${app.url}/auth/oauth/start?return_to=/inbox`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${api.origin}/oauth/authorize`);
    expect(authorize.searchParams.get('scope')).toBe(OUTREACH_SCOPES);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${app.url}/auth/oauth/callback`);

    const maya = api.users.maya!;
    const consent = await fetch(authorize.origin + authorize.pathname, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), decision: 'allow', user_id: String(maya.id) }),
    });
    expect(consent.status).toBe(302);
    const callback = await fetch(consent.headers.get('location')!, { redirect: 'manual', headers: { cookie: cookiesOf(start) } });
    expect(callback.status, await callback.clone().text()).toBe(302);
    expect(callback.headers.get('location')).toBe('/inbox');
    const session = sessionCookieFrom(callback)!;
    expect(session).toBeTruthy();

    const me = await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } });
    expect(await me.json()).toMatchObject({ id: String(maya.id), first_name: 'Maya' });
    const inbox = await fetch(`${app.url}/api/v1/task/?view=inbox&_type=all&assigned_to=${maya.id}`, { headers: { cookie: session, 'x-tz-offset': '0' } });
    expect(inbox.status).toBe(200);
    const tasks = ((await inbox.json()) as { data: { assigned_to: string }[] }).data;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.assigned_to === String(maya.id))).toBe(true);
  });

  it('describes an Outreach sign-in on /auth/config: OAuth, no API key, where to find things', async () => {
    const config = await (await fetch(`${app.url}/auth/config`)).json();
    expect(config).toMatchObject({ backend: 'outreach', sign_in: 'required', provider: 'Outreach', api_key: false, oauth: true, oauth_start: '/auth/oauth/start' });
    expect(config.help).toEqual({ api_key: null, oauth: expect.stringContaining('Outreach has no API keys') });
  });

  it('refuses an API key with a 400 naming api_key, without asking Outreach', async () => {
    const res = await fetch(`${app.url}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api_key: 'anything' }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { field: string; error: string };
    expect(body.field).toBe('api_key');
    expect(body.error).toMatch(/Outreach has no API keys: sign in with Outreach/);
  });

  it('keeps the Close path working as an alias: a sign-in started there comes back to the Outreach redirect URI', async () => {
    const start = await fetch(`${app.url}/auth/close/start?return_to=/inbox`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe(`${app.url}/auth/oauth/callback`);
  });
});
