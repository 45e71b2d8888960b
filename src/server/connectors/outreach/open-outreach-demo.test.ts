/**
 * BACKEND=outreach-demo as index.ts opens it (the stand-in, its connector, sessions in DATA_DIR),
 * over real HTTP: without a session the default demo user acts; Switch user signs in as a demo
 * user with their static token; "Sign in with Outreach" runs the stand-in's own consent page; and
 * SIGN_IN=required asks everyone to sign in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookieFrom } from '../../auth/testing/start-auth-test-app';
import { parseEnv } from '../../env';
import { createLogger } from '../../logger';
import { type TestApp, startTestApp } from '../../testing/start-test-app';
import { type OpenedOutreachDemo, openOutreachDemo } from './open-outreach-demo';

type Person = { id: string; first_name: string; last_name: string; email: string };

let demo: OpenedOutreachDemo | null = null;
let app: TestApp | null = null;
let dataDir = '';
let standInErrors: unknown[] = [];

afterEach(async () => {
  await app?.close();
  await demo?.auth.close();
  await demo?.standIn.close();
  app = null;
  demo = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
  expect(standInErrors).toEqual([]);
});

async function startOutreachDemo(signIn: 'optional' | 'required'): Promise<{ app: TestApp; demo: OpenedOutreachDemo }> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-demo-'));
  standInErrors = [];
  const env = parseEnv({ BACKEND: 'outreach-demo', DATA_DIR: dataDir, API_PORT: '0', SIGN_IN: signIn });
  demo = await openOutreachDemo(env, createLogger({ level: 'silent' }), (error) => standInErrors.push(error));
  const { auth, connector, standIn } = demo;
  app = await startTestApp({
    mode: 'outreach-demo',
    upstream: { baseUrl: standIn.baseUrl },
    connector,
    credentials: auth.credentials,
    auth: { settings: auth.settings, context: auth.context },
    secrets: [env.EMBEDDED_OUTREACH_TOKEN, ...auth.secrets],
  });
  return { app, demo };
}

const demoUser = (d: OpenedOutreachDemo, firstName: string) => d.demoUsers.find((u) => u.first_name === firstName)!;

async function switchUser(url: string, userId: string): Promise<string> {
  const res = await fetch(`${url}/auth/demo-session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user_id: userId }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return sessionCookieFrom(res)!;
}

const me = async (url: string, cookie?: string) => (await fetch(`${url}/api/v1/me/`, { headers: cookie ? { cookie } : {} })).json() as Promise<Person>;

async function inboxOf(url: string, cookie: string, userId: string) {
  const res = await fetch(`${url}/api/v1/task/?view=inbox&_type=all&assigned_to=${userId}`, { headers: { cookie, 'x-tz-offset': '0' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { id: string; assigned_to: string }[] }).data;
}

describe('BACKEND=outreach-demo sign-in', () => {
  it('acts as the default demo user without a session, and lists the demo users (never their tokens)', async () => {
    const { app, demo } = await startOutreachDemo('optional');
    expect(await me(app.url)).toMatchObject({ id: demoUser(demo, 'Alex').id, first_name: 'Alex' });
    const config = await (await fetch(`${app.url}/auth/config`)).text();
    expect(JSON.parse(config)).toMatchObject({ backend: 'outreach-demo', sign_in: 'optional', provider: 'Outreach', api_key: false, oauth: true, oauth_start: '/auth/oauth/start' });
    expect((JSON.parse(config) as { demo_users: Person[] }).demo_users.map((u) => u.first_name)).toEqual(['Alex', 'Maya', 'Jonas', 'Priya', 'Kenji', 'Lucía']);
    expect(config).not.toMatch(/token/);
  });

  it('Switch user signs in as Maya with her token: "Me" is Maya, her inbox is hers, and what she completes the stand-in records as hers', async () => {
    const { app, demo } = await startOutreachDemo('optional');
    const maya = demoUser(demo, 'Maya');
    const session = await switchUser(app.url, maya.id);
    expect(await me(app.url, session)).toMatchObject({ id: maya.id, first_name: 'Maya', last_name: 'Patel' });
    expect(await (await fetch(`${app.url}/auth/session`, { headers: { cookie: session } })).json()).toMatchObject({ user: { id: maya.id }, credential: 'api_key' });

    const tasks = await inboxOf(app.url, session, maya.id);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => t.assigned_to === maya.id)).toBe(true);

    const first = tasks[0]!;
    const done = await fetch(`${app.url}/api/v1/task/${first.id}/`, { method: 'PUT', headers: { cookie: session, 'content-type': 'application/json', 'x-tz-offset': '0' }, body: JSON.stringify({ is_complete: true }) });
    expect(done.status, await done.clone().text()).toBe(200);
    const row = demo.standIn.db.prepare('SELECT state, completer_id FROM tasks WHERE id = ?').get(Number(first.id));
    expect(row).toEqual({ state: 'complete', completer_id: Number(maya.id) });

    // The browser without the cookie is still the default user.
    expect((await me(app.url)).first_name).toBe('Alex');
  });

  it('refuses a demo-session naming no demo user with a 400 naming user_id', async () => {
    const { app } = await startOutreachDemo('optional');
    for (const body of [{}, { user_id: 42 }, { user_id: '999999' }]) {
      const res = await fetch(`${app.url}/auth/demo-session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'user_id' });
    }
  });

  it("signs in with Outreach through the stand-in's consent page of demo users", async () => {
    const { app, demo } = await startOutreachDemo('optional');
    const kenji = demoUser(demo, 'Kenji');
    const start = await fetch(`${app.url}/auth/oauth/start?return_to=/inbox`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe(`${demo.standIn.url}/oauth/authorize`);
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Kenji');

    const consent = await fetch(authorize.origin + authorize.pathname, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), decision: 'allow', user_id: kenji.id }),
    });
    expect(consent.status).toBe(302);
    const stateCookie = start.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const callback = await fetch(consent.headers.get('location')!, { redirect: 'manual', headers: { cookie: stateCookie } });
    expect(callback.status, await callback.clone().text()).toBe(302);
    expect(callback.headers.get('location')).toBe('/inbox');
    const session = sessionCookieFrom(callback)!;
    expect(await me(app.url, session)).toMatchObject({ id: kenji.id, first_name: 'Kenji' });
    expect(await (await fetch(`${app.url}/auth/session`, { headers: { cookie: session } })).json()).toMatchObject({ credential: 'oauth' });
    const tasks = await inboxOf(app.url, session, kenji.id);
    expect(tasks.every((t) => t.assigned_to === kenji.id)).toBe(true);
  });

  it('with SIGN_IN=required answers 401 sign_in_required without a session, and acts as whoever signs in', async () => {
    const { app, demo } = await startOutreachDemo('required');
    const anonymous = await fetch(`${app.url}/api/v1/me/`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ sign_in_required: true });
    expect(await (await fetch(`${app.url}/auth/config`)).json()).toMatchObject({ sign_in: 'required', oauth: true, demo_users: expect.arrayContaining([expect.objectContaining({ first_name: 'Maya' })]) });

    const maya = demoUser(demo, 'Maya');
    const session = await switchUser(app.url, maya.id);
    expect((await me(app.url, session)).first_name).toBe('Maya');
    // Signing out ends it: the old cookie is refused, not the default user.
    expect((await fetch(`${app.url}/auth/session`, { method: 'DELETE', headers: { cookie: session } })).ok).toBe(true);
    expect((await fetch(`${app.url}/api/v1/me/`, { headers: { cookie: session } })).status).toBe(401);
  });
});
