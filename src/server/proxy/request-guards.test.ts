import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultUpstream, startFaultUpstream } from '../testing/fault-upstream';
import { type TestApp, rawRequest, startTestApp } from '../testing/start-test-app';
import { createHostMatcher } from './request-guards';

const DEV_ORIGIN = 'http://127.0.0.1:5173';

let upstream: FaultUpstream;
let app: TestApp;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  app = await startTestApp({ upstream: { baseUrl: upstream.apiBaseUrl, apiKey: 'guard-key' }, allowedOrigins: [DEV_ORIGIN] });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
afterEach(() => {
  upstream.requests.length = 0;
});

describe('Host guard (DNS rebinding)', () => {
  it('answers to our host names at our port', async () => {
    for (const host of [`127.0.0.1:${app.port}`, `localhost:${app.port}`, `LOCALHOST:${app.port}`]) {
      const res = await rawRequest({ port: app.port, path: '/api/health', headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('refuses any other Host with 403 JSON, before reaching the upstream', async () => {
    for (const host of [`evil.example:${app.port}`, 'evil.example', `127.0.0.1:${app.port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${app.port}`, `10.0.0.5:${app.port}`]) {
      for (const path of ['/api/health', '/api/v1/me/', '/']) {
        const res = await rawRequest({ port: app.port, path, headers: { host } });
        expect(res.status, `${host} ${path}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect((JSON.parse(res.body) as { error: string }).error).toMatch(/^Forbidden/);
      }
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('accepts any IP address when listening on all interfaces, but still no names', () => {
    const matches = createHostMatcher(['127.0.0.1', 'localhost', '0.0.0.0'], true);
    expect(matches('192.168.1.20:3000', 3000)).toBe(true);
    expect(matches('[fe80::1]:3000', 3000)).toBe(true);
    expect(matches('rebind.evil.example:3000', 3000)).toBe(false);
    expect(matches('192.168.1.20:3001', 3000)).toBe(false);
  });

  it('parses IPv6 hosts and default ports strictly', () => {
    const matches = createHostMatcher(['::1', 'localhost']);
    expect(matches('[::1]:8080', 8080)).toBe(true);
    expect(matches('localhost', 80)).toBe(true);
    expect(matches('localhost', 8080)).toBe(false);
    expect(matches('localhost:80x', 80)).toBe(false);
    expect(matches('[::1', 80)).toBe(false);
  });
});

describe('Origin guard (cross-site writes)', () => {
  const write = (method: string, origin: string | undefined) =>
    rawRequest({
      port: app.port,
      method,
      path: '/api/v1/task/task_1/',
      headers: { host: `127.0.0.1:${app.port}`, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: '{"is_complete": true}',
    });

  it('refuses POST/PUT/PATCH/DELETE from another origin with 403 JSON, before reaching the upstream', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${app.port}`, `http://127.0.0.1:${app.port + 1}`, 'http://localhost:5173']) {
        const res = await write(method, origin);
        expect(res.status, `${method} ${origin}`).toBe(403);
        expect((JSON.parse(res.body) as { error: string }).error).toMatch(/^Forbidden/);
      }
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('lets our own origin, PUBLIC_ORIGIN and requests without Origin write', async () => {
    for (const origin of [`http://127.0.0.1:${app.port}`, `http://localhost:${app.port}`, DEV_ORIGIN, undefined]) {
      const res = await write('PUT', origin);
      expect(res.status, String(origin)).toBe(200);
    }
    expect(upstream.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT']);
  });

  it('lets reads through whatever the Origin (the browser keeps cross-origin reads from the page)', async () => {
    const res = await rawRequest({ port: app.port, path: '/api/v1/me/', headers: { host: `127.0.0.1:${app.port}`, origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
