import { afterEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../close-api/testing/test-close-api';
import { type TestApp, startTestApp } from '../testing/start-test-app';
import { openSqliteZoneStore } from './sqlite-zone-store';
import type { ZoneStore } from './zone-store';

let api: TestApi | undefined;
const apps: TestApp[] = [];
let store: ZoneStore | undefined;

afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  await store?.close();
  store = undefined;
  await api?.close();
  api = undefined;
});

/** Our server in front of the test organization, acting as the person whose key it holds. */
async function serverAs(key: string, demoZones: Map<string, string> | null = null): Promise<TestApp> {
  api ??= await startTestCloseApi();
  store ??= openSqliteZoneStore(':memory:');
  const app = await startTestApp({
    upstream: { baseUrl: api.baseUrl, apiKey: key },
    team: { store, demoZones: demoZones && { organizationId: api.organizationId, zones: demoZones } },
  });
  apps.push(app);
  return app;
}

function put(app: TestApp, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${app.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: app.url, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function zonesSeenBy(app: TestApp) {
  const res = await fetch(`${app.url}/team/zones`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return ((await res.json()) as { zones: unknown[] }).zones;
}

describe('/team/zones', () => {
  it('records what the browser reports, in the canonical spelling', async () => {
    api = await startTestCloseApi();
    const asManager = await serverAs(api.users.manager.key);
    expect(await zonesSeenBy(asManager)).toEqual([]);
    const res = await put(asManager, '/team/zones/me', { time_zone: 'asia/tokyo' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user_id: api.users.manager.id, time_zone: 'Asia/Tokyo', source: 'browser' });
    expect(await zonesSeenBy(asManager)).toEqual([{ user_id: api.users.manager.id, time_zone: 'Asia/Tokyo', source: 'browser' }]);
  });

  it('refuses what is not an IANA zone with a 400 naming time_zone, and other sites', async () => {
    api = await startTestCloseApi();
    const app = await serverAs(api.users.manager.key);
    for (const body of [{ time_zone: '+05:30' }, { time_zone: 'PST' }, { time_zone: 'Mars/Olympus' }, { time_zone: '' }, { time_zone: 5 }, {}, []]) {
      const res = await put(app, '/team/zones/me', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'time_zone' });
    }
    const extra = await put(app, '/team/zones/me', { time_zone: 'UTC', zone: 'UTC' });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ field: 'zone' });
    expect((await put(app, '/team/zones/me', 'not json')).status).toBe(400);
    expect((await put(app, '/team/zones/me', { time_zone: 'UTC' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await put(app, '/team/zones/me', { time_zone: 'UTC' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await zonesSeenBy(app)).toEqual([]);
  });

  it("lets the manager override a member's zone, the override winning over the browser's until it is cleared", async () => {
    api = await startTestCloseApi();
    const asManager = await serverAs(api.users.manager.key);
    const asRep = await serverAs(api.users.rep.key);
    expect((await put(asRep, '/team/zones/me', { time_zone: 'Asia/Kolkata' })).status).toBe(200);
    const res = await put(asManager, `/team/zones/${api.users.rep.id}`, { time_zone: 'America/Los_Angeles' });
    expect(await res.json()).toEqual({ user_id: api.users.rep.id, time_zone: 'America/Los_Angeles', source: 'manager' });
    // The rep's browser reporting again does not undo the manager's choice.
    await put(asRep, '/team/zones/me', { time_zone: 'Asia/Kolkata' });
    expect(await zonesSeenBy(asManager)).toEqual([{ user_id: api.users.rep.id, time_zone: 'America/Los_Angeles', source: 'manager' }]);

    const cleared = await fetch(`${asManager.url}/team/zones/${api.users.rep.id}`, { method: 'DELETE', headers: { origin: asManager.url } });
    expect(cleared.status).toBe(204);
    expect(await zonesSeenBy(asRep)).toEqual([{ user_id: api.users.rep.id, time_zone: 'Asia/Kolkata', source: 'browser' }]);
  });

  it('answers 404 naming user_id for someone outside the organization, and keeps organizations apart', async () => {
    api = await startTestCloseApi();
    const asManager = await serverAs(api.users.manager.key);
    const outsider = await put(asManager, `/team/zones/${api.users.other.id}`, { time_zone: 'UTC' });
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toMatchObject({ field: 'user_id' });
    expect((await fetch(`${asManager.url}/team/zones/${api.users.other.id}`, { method: 'DELETE', headers: { origin: asManager.url } })).status).toBe(404);

    const asOutsider = await serverAs(api.users.other.key);
    await put(asOutsider, '/team/zones/me', { time_zone: 'Europe/Berlin' });
    expect(await zonesSeenBy(asManager)).toEqual([]);
    expect(await zonesSeenBy(asOutsider)).toEqual([{ user_id: api.users.other.id, time_zone: 'Europe/Berlin', source: 'browser' }]);
  });

  it("gives the embedded demo users their zones until a browser or the manager says otherwise", async () => {
    api = await startTestCloseApi();
    const demo = new Map([
      [api.users.manager.id, 'America/New_York'],
      [api.users.rep.id, 'Asia/Tokyo'],
    ]);
    const asManager = await serverAs(api.users.manager.key, demo);
    expect(await zonesSeenBy(asManager)).toEqual(
      [
        { user_id: api.users.manager.id, time_zone: 'America/New_York', source: 'demo' },
        { user_id: api.users.rep.id, time_zone: 'Asia/Tokyo', source: 'demo' },
      ].sort((a, b) => (a.user_id < b.user_id ? -1 : 1)),
    );
    await put(asManager, '/team/zones/me', { time_zone: 'Europe/Berlin' });
    const zones = (await zonesSeenBy(asManager)) as Array<{ user_id: string; source: string }>;
    expect(zones.find((z) => z.user_id === api!.users.manager.id)).toMatchObject({ source: 'browser' });
    expect(zones.find((z) => z.user_id === api!.users.rep.id)).toMatchObject({ source: 'demo' });
  });

  it('leaves /team itself to the app, as a page', async () => {
    api = await startTestCloseApi();
    const app = await serverAs(api.users.manager.key);
    expect((await fetch(`${app.url}/team/zones/me`, { method: 'POST', headers: { origin: app.url } })).status).toBe(404);
    expect((await fetch(`${app.url}/team`)).status).not.toBe(200);
  });
});
