import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MeSchema, OrganizationSchema, TaskListSchema, UserListSchema, UserSchema } from '@/shared/close/schemas';
import { type TestApi, startTestCloseApi } from './testing/test-close-api';

let api: TestApi;
afterEach(() => api?.close());

describe('auth, like Close', () => {
  it('answers 401 JSON without a key or with a wrong one', async () => {
    api = await startTestCloseApi();
    for (const key of [null, 'not-a-key']) {
      const res = await api.fetch('/task/', { key });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/Basic/);
      expect(await res.json()).toHaveProperty('error');
    }
    const bearer = await fetch(`${api.baseUrl}/me/`, { headers: { Authorization: 'Bearer key-rep' } });
    expect(bearer.status).toBe(200);
  });

  it('requires auth even for unknown paths and answers them with JSON 404', async () => {
    api = await startTestCloseApi();
    expect((await api.fetch('/nothing/', { key: null })).status).toBe(401);
    const res = await api.fetch('/nothing/');
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty('error');
    expect((await api.fetch('/task/', { method: 'PATCH', body: '{}' })).status).toBe(405);
  });
});

describe('users and organizations', () => {
  it('GET /me/ gives the user, organizations and memberships', async () => {
    api = await startTestCloseApi();
    const me = MeSchema.parse(await (await api.fetch('/me/', { key: api.users.manager.key })).json());
    expect(me).toMatchObject({ id: api.users.manager.id, first_name: 'Mona', last_name: 'Manager', email: 'mona@example.test' });
    expect(me.organizations).toEqual([{ id: api.organizationId, name: 'Test Org' }]);
    expect(me.memberships[0]).toMatchObject({ organization_id: api.organizationId, user_id: api.users.manager.id, role_id: 'admin' });
  });

  it('GET /user/ lists only the organization, pages and projects', async () => {
    api = await startTestCloseApi();
    const all = UserListSchema.parse(await (await api.fetch('/user/')).json());
    expect(all.data.map((u) => u.first_name)).toEqual(['Mona', 'Rita']);
    expect(all.has_more).toBe(false);
    const page = (await (await api.fetch('/user/?_limit=1&_skip=1&_fields=id,first_name')).json()) as { data: object[]; has_more: boolean };
    expect(page).toEqual({ data: [{ first_name: 'Rita', id: api.users.rep.id }], has_more: false });
    expect((await api.fetch('/user/?_limit=1')).ok).toBe(true);
    expect((await api.fetch('/user/?_limit=x')).status).toBe(400);
    expect(UserSchema.parse(await (await api.fetch(`/user/${api.users.manager.id}/`)).json()).id).toBe(api.users.manager.id);
    expect((await api.fetch(`/user/${api.users.other.id}/`)).status).toBe(404);
  });

  it('GET /organization/{id}/ shows memberships of the own organization only', async () => {
    api = await startTestCloseApi();
    const org = OrganizationSchema.parse(await (await api.fetch(`/organization/${api.organizationId}/`)).json());
    expect(org.memberships.map((m) => m.user_full_name)).toEqual(['Mona Manager', 'Rita Rep']);
    expect((await api.fetch(`/organization/${api.organizationId}/`, { key: api.users.other.key })).status).toBe(404);
  });
});

describe('leads', () => {
  it('searches leads by name and fetches one with its contacts', async () => {
    api = await startTestCloseApi();
    const found = (await (await api.fetch('/lead/?query=acme')).json()) as { data: Array<{ id: string; display_name: string; contacts: unknown[] }> };
    expect(found.data.map((l) => l.display_name)).toEqual(['Acme Corp']);
    expect(found.data[0]!.contacts).toHaveLength(1);
    expect(((await (await api.fetch('/lead/?query=zzz')).json()) as { data: unknown[] }).data).toEqual([]);
    expect(((await (await api.fetch('/lead/?query=%25')).json()) as { data: unknown[] }).data).toEqual([]);
    const lead = (await (await api.fetch(`/lead/${api.leadId}/`)).json()) as { html_url: string };
    expect(lead.html_url).toBe(`https://app.close.com/lead/${api.leadId}/`);
    expect((await api.fetch('/lead/lead_nope/')).status).toBe(404);
  });
});

describe('rate limits', () => {
  it('answers 429 with RateLimit, Retry-After and a JSON body past the limit, per key', async () => {
    let now = 1_000_000;
    api = await startTestCloseApi({ now: () => now, rateLimit: { limit: 3, windowMs: 2000 } });
    for (let i = 0; i < 3; i++) {
      const ok = await api.fetch('/me/');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toBe(`limit=3, remaining=${2 - i}, reset=2`);
    }
    const limited = await api.fetch('/me/');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit')).toBe('limit=3, remaining=0, reset=2');
    expect(limited.headers.get('retry-after')).toBe('2');
    // Close's body, which its Python client reads to know how long to sleep.
    expect(await limited.json()).toEqual({
      error: { message: 'API call count exceeded for this 2 second window', rate_reset: 2, rate_limit: 3, rate_window: 2 },
    });
    now += 500;
    expect(((await (await api.fetch('/me/')).json()) as { error: { rate_reset: number } }).error.rate_reset).toBe(1.5);
    expect((await api.fetch('/me/', { key: api.users.manager.key })).status).toBe(200);
    now += 1500;
    expect((await api.fetch('/me/')).status).toBe(200);
  });
});

describe('media', () => {
  it('serves demo media behind auth, with ranges for seeking', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-media-'));
    fs.writeFileSync(path.join(dir, 'vm.wav'), Buffer.from('0123456789'));
    api = await startTestCloseApi({ mediaDir: dir });
    const url = `${api.origin}/media/vm.wav`;
    const auth = { Authorization: `Basic ${Buffer.from('key-rep:').toString('base64')}` };
    expect((await fetch(url)).status).toBe(401);
    const full = await fetch(url, { headers: auth });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/wav');
    expect(await full.text()).toBe('0123456789');
    const part = await fetch(url, { headers: { ...auth, Range: 'bytes=2-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await part.text()).toBe('2345');
    expect((await fetch(url, { headers: { ...auth, Range: 'bytes=20-' } })).status).toBe(416);
    expect((await fetch(`${api.origin}/media/..%2Fsecret`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${api.origin}/media/missing.wav`, { headers: auth })).status).toBe(404);
  });

  it('turns stored media paths into absolute URLs on its own host', async () => {
    api = await startTestCloseApi();
    api.addTask({ type: 'voicemail', date: '2026-11-20', extra: { voicemail_url: '/media/vm-1.wav', voicemail_duration: 21 } });
    api.addTask({
      type: 'incoming_sms',
      date: '2026-11-20',
      extra: { attachments: [{ content_type: 'image/png', filename: 'a.png', size: 5, url: '/media/a.png', thumbnail_url: '/media/a-thumb.png' }] },
    });
    const list = TaskListSchema.parse(await (await api.fetch('/task/?_type=all')).json());
    expect(list.data[0]!.voicemail_url).toBe(`${api.origin}/media/vm-1.wav`);
    expect(list.data[1]!.attachments![0]).toMatchObject({ url: `${api.origin}/media/a.png`, thumbnail_url: `${api.origin}/media/a-thumb.png` });
  });
});

describe("Close's own API clients", () => {
  it('work unchanged: X-TZ-Offset -5.0, is_complete=False, trailing slashes, 200 on every success', async () => {
    api = await startTestCloseApi({ now: () => Date.UTC(2026, 10, 23, 12) });
    const headers = { 'X-TZ-Offset': '-5.0', 'Content-Type': 'application/json', Accept: 'application/json' };
    const id = api.addTask({ date: '2026-11-23' });
    const listed = await api.fetch('/task/?is_complete=False&view=inbox', { headers });
    expect(listed.status).toBe(200);
    expect(TaskListSchema.parse(await listed.json()).data.map((t) => t.id)).toEqual([id]);
    const created = await api.fetch('/task/', { method: 'POST', headers, body: JSON.stringify({ lead_id: api.leadId, text: 'Call back' }) });
    expect(created.status).toBe(200);
    const createdId = ((await created.json()) as { id: string }).id;
    expect((await api.fetch(`/task/${createdId}/`, { method: 'PUT', headers, body: '{"is_complete": true}' })).status).toBe(200);
    expect((await api.fetch(`/task/?id__in=${id}`, { method: 'PUT', headers, body: '{"is_complete": true}' })).status).toBe(200);
    const deleted = await api.fetch(`/task/${createdId}/`, { method: 'DELETE', headers });
    expect(deleted.status).toBe(200);
    expect(deleted.headers.get('content-type')).toMatch(/application\/json/);
    const bad = await api.fetch('/task/', { method: 'POST', headers, body: '{"lead_id": "lead_nope", "text": "x"}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ 'field-errors': { lead_id: expect.any(String) } });
  });
});
