/**
 * The manager's desk on Outreach, against the stand-in: the contract's organization from
 * Outreach's users (locked users are its inactive members), and `/team/zones` finding the caller
 * and the members through the connector instead of Close's `/me/` and organization.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrganizationWithMembersSchema } from '@/shared/close/organization-schemas';
import { fixedCredential } from '../../auth/upstream-credential';
import { DEFAULT_OUTREACH_TOKEN } from '../../outreach-api/demo/outreach-demo-data';
import { type TestOutreachApi, startTestOutreachApi } from '../../outreach-api/testing/test-outreach-api';
import { openSqliteZoneStore } from '../../team/sqlite-zone-store';
import type { ZoneStore } from '../../team/zone-store';
import { type TestApp, startTestApp } from '../../testing/start-test-app';
import { createOutreachConnector } from './outreach-connector';

let api: TestOutreachApi;
let app: TestApp;
let zones: ZoneStore;

beforeEach(async () => {
  api = await startTestOutreachApi();
  zones = openSqliteZoneStore(':memory:');
  const connector = createOutreachConnector({ baseUrl: api.baseUrl, oauth: null, now: () => api.clock.nowMs });
  app = await startTestApp({
    upstream: { baseUrl: api.baseUrl },
    connector,
    credentials: fixedCredential(`Bearer ${DEFAULT_OUTREACH_TOKEN}`),
    team: { store: zones, demoZones: null },
  });
});
afterEach(async () => {
  await app.close();
  await zones.close();
  expect(api.unexpectedErrors).toEqual([]);
  await api.close();
});

const json = { 'content-type': 'application/json' };

describe('the manager\'s desk on Outreach', () => {
  it('reads the organization from Outreach\'s users: locked users are its inactive members', async () => {
    const maya = api.users.maya!;
    api.db.prepare('UPDATE users SET locked = 1 WHERE id = ?').run(maya.id);
    const res = await fetch(`${app.url}/api/v1/organization/outreach/?_expand=memberships__user,inactive_memberships__user`, { headers: { 'x-tz-offset': '0' } });
    expect(res.status).toBe(200);
    const organization = OrganizationWithMembersSchema.parse(await res.json());
    expect(organization.id).toBe('outreach');
    expect(organization.memberships.length).toBeGreaterThan(1);
    expect(organization.memberships.every((m) => m.user?.id === m.user_id && m.organization_id === 'outreach')).toBe(true);
    expect(organization.inactive_memberships.map((m) => m.user_id)).toEqual([String(maya.id)]);
    expect(organization.inactive_memberships[0]).toMatchObject({ user_first_name: 'Maya', user: { first_name: 'Maya' } });

    const me = await (await fetch(`${app.url}/api/v1/me/`, { headers: { 'x-tz-offset': '0' } })).json();
    expect(me.organizations).toEqual([{ id: 'outreach', name: 'Outreach' }]);
  });

  it('answers /team/zones as the token\'s owner, and sets a member\'s zone but not a stranger\'s', async () => {
    expect(await (await fetch(`${app.url}/team/zones`)).json()).toEqual({ zones: [] });
    const mine = await fetch(`${app.url}/team/zones/me`, { method: 'PUT', headers: json, body: JSON.stringify({ time_zone: 'Europe/Paris' }) });
    expect(mine.status).toBe(200);
    const maya = String(api.users.maya!.id);
    const hers = await fetch(`${app.url}/team/zones/${maya}`, { method: 'PUT', headers: json, body: JSON.stringify({ time_zone: 'Asia/Tokyo' }) });
    expect(hers.status).toBe(200);
    expect(await hers.json()).toEqual({ user_id: maya, time_zone: 'Asia/Tokyo', source: 'manager' });
    const stranger = await fetch(`${app.url}/team/zones/999999`, { method: 'PUT', headers: json, body: JSON.stringify({ time_zone: 'Asia/Tokyo' }) });
    expect(stranger.status).toBe(404);
    const listed = (await (await fetch(`${app.url}/team/zones`)).json()) as { zones: { user_id: string; time_zone: string }[] };
    expect(listed.zones.map((z) => z.time_zone).sort()).toEqual(['Asia/Tokyo', 'Europe/Paris']);
  });

  it('counts with date bounds as the desk does: done since a day, open before one', async () => {
    const alex = String(api.users.alex!.id);
    const count = async (query: string) => {
      let n = 0;
      for (let skip = 0; ; skip += 200) {
        const res = await fetch(`${app.url}/api/v1/task/?assigned_to=${alex}&_type=all&_fields=id&_limit=200&_skip=${skip}&${query}`, { headers: { 'x-tz-offset': '0' } });
        expect(res.status, await res.clone().text()).toBe(200);
        const page = (await res.json()) as { data: unknown[]; has_more: boolean };
        n += page.data.length;
        if (!page.has_more) return n;
      }
    };
    const dueAt = (op: string, ms: number) => (api.db.prepare(`SELECT count(*) AS n FROM tasks WHERE owner_id = ? AND state = 'incomplete' AND due_ms ${op} ?`).get(Number(alex), ms) as { n: number }).n;
    const today = Date.UTC(2026, 2, 10);
    expect(dueAt('<', today)).toBeGreaterThan(0);
    expect(await count('is_complete=false&date__lt=2026-03-10')).toBe(dueAt('<', today));
    expect(await count('is_complete=false&date__gte=2026-03-10&date__lt=2026-03-11')).toBe(dueAt('>=', today) - dueAt('>=', today + 86_400_000));

    const doneBefore = await count('is_complete=true&date_updated__gte=2026-03-10');
    const open = await (await fetch(`${app.url}/api/v1/task/?view=inbox&assigned_to=${alex}&_type=all&_limit=1`, { headers: { 'x-tz-offset': '0' } })).json();
    const id = (open as { data: { id: string }[] }).data[0]!.id;
    const done = await fetch(`${app.url}/api/v1/task/${id}/`, { method: 'PUT', headers: { ...json, 'x-tz-offset': '0' }, body: JSON.stringify({ is_complete: true }) });
    expect(done.status).toBe(200);
    expect(await count('is_complete=true&date_updated__gte=2026-03-10')).toBe(doneBefore + 1);
    expect(await count('is_complete=true&date_updated__gte=2026-03-11')).toBe(0);
  });
});
