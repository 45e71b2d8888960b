/**
 * The proxy in front of the real embedded Close API (real SQLite, real HTTP): what the browser
 * gets through `/api/v1` is what a direct, authenticated call gets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from '../close-api/testing/test-close-api';
import { type TestApp, startTestApp } from '../testing/start-test-app';

let api: TestApi;
let proxy: TestApp;

async function start(options: { rateLimit?: { limit: number; windowMs: number }; key?: string } = {}) {
  api = await startTestCloseApi({ rateLimit: options.rateLimit });
  proxy = await startTestApp({
    mode: 'embedded',
    upstream: { baseUrl: api.baseUrl, apiKey: options.key ?? api.users.manager.key },
  });
}
afterEach(async () => {
  await proxy?.close();
  await api?.close();
});

const viaProxy = (pathAndQuery: string, init?: RequestInit) => fetch(`${proxy.url}/api/v1${pathAndQuery}`, init);

describe('proxy → embedded Close API', () => {
  it('answers reads exactly like a direct call with the key', async () => {
    await start();
    api.addTask({ date: '2024-03-01', assignedTo: api.users.manager.id });
    for (const path of ['/me/', '/user/', `/organization/${api.organizationId}/`, '/task/?_type=all', `/lead/${api.leadId}/`]) {
      const direct = await api.fetch(path, { key: api.users.manager.key });
      const proxied = await viaProxy(path);
      expect(proxied.status, path).toBe(direct.status);
      expect(await proxied.json(), path).toEqual(await direct.json());
    }
  });

  it('signs in as the configured key: /me/ is that user', async () => {
    await start({ key: api?.users.rep.key ?? 'key-rep' });
    const me = (await (await viaProxy('/me/')).json()) as { id: string };
    expect(me.id).toBe(api.users.rep.id);
  });

  it('keeps percent-encoded commas in id__in working', async () => {
    await start();
    const a = api.addTask({ date: '2024-03-01', assignedTo: api.users.manager.id });
    const b = api.addTask({ date: '2024-03-02', assignedTo: api.users.manager.id });
    api.addTask({ date: '2024-03-03', assignedTo: api.users.manager.id });
    const res = await viaProxy(`/task/?id__in=${a}%2C${b}&_fields=id`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string }[] };
    expect(body.data.map((t) => t.id).sort()).toEqual([a, b].sort());
  });

  it('forwards X-TZ-Offset: the inbox is computed in the browser user’s day', async () => {
    await start();
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    api.addTask({ date: day, assignedTo: api.users.manager.id });
    for (const tz of ['-11', '0', '13']) {
      const path = `/task/?view=inbox&assigned_to=${api.users.manager.id}&_fields=id`;
      const direct = await api.fetch(path, { key: api.users.manager.key, tz });
      const proxied = await viaProxy(path, { headers: { 'x-tz-offset': tz } });
      expect(await proxied.json(), tz).toEqual(await direct.json());
    }
  });

  it('writes through: a change made via the proxy is stored', async () => {
    await start();
    const id = api.addTask({ date: '2024-03-01', assignedTo: api.users.manager.id });
    const res = await viaProxy(`/task/${id}/`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ is_complete: true }),
    });
    expect(res.status).toBe(200);
    const direct = (await (await api.fetch(`/task/${id}/`, { key: api.users.manager.key })).json()) as { is_complete: boolean };
    expect(direct.is_complete).toBe(true);
  });

  it('passes Close-style 400 and 404 bodies through', async () => {
    await start();
    let res = await viaProxy('/task/?_limit=500');
    expect(res.status).toBe(400);
    const bad = (await res.json()) as { 'field-errors': Record<string, string> };
    expect(Object.keys(bad['field-errors'])).toContain('_limit');

    res = await viaProxy('/task/task_doesnotexist/');
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty('error');
  });

  it('passes a 401 through without the browser login prompt header', async () => {
    await start({ key: 'not-a-real-key' });
    const res = await viaProxy('/me/');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(await res.json()).toHaveProperty('error');
  });

  it('passes rate limiting (429, RateLimit, Retry-After) through', async () => {
    await start({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await viaProxy('/me/')).status).toBe(200);
    const second = await viaProxy('/me/');
    expect(second.headers.get('ratelimit')).toMatch(/^limit=2, remaining=0, reset=\d+$/);
    const limited = await viaProxy('/me/');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit')).toMatch(/^limit=2, remaining=0, reset=\d+$/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toHaveProperty('error');
  });

  it('loads the embedded API’s media with the key, with ranges', async () => {
    await start();
    const url = `${api.origin}/media/voicemail-01.wav`;
    const direct = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${api.users.manager.key}:`).toString('base64')}` } });
    expect(direct.status).toBe(200);
    const whole = Buffer.from(await direct.arrayBuffer());

    const full = await fetch(`${proxy.url}/api/media?url=${encodeURIComponent(url)}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/wav');
    // Buffer#equals: a deep toEqual over ~200 kB takes seconds.
    expect(Buffer.from(await full.arrayBuffer()).equals(whole)).toBe(true);

    const part = await fetch(`${proxy.url}/api/media?url=${encodeURIComponent(url)}`, { headers: { range: 'bytes=44-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 44-99/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(44, 100))).toBe(true);
  });
});
