import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestCloseApi } from './close-api/testing/test-close-api';
import { type TestApp, rawRequest, startTestApp } from './testing/start-test-app';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-Bx1Yz9.js"></script></head><body><div id="root"></div></body></html>';
let distDir: string;

beforeAll(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-dist-'));
  fs.mkdirSync(path.join(distDir, 'assets'));
  fs.writeFileSync(path.join(distDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(distDir, 'assets', 'index-Bx1Yz9.js'), 'console.log("app")');
  fs.writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const upstream = { baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: 'app-test-key' };

describe('the built app', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    app = await startTestApp({ upstream, staticDir: distDir });
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('caches hashed assets for a year and serves other files with revalidation', async () => {
    app = await startTestApp({ upstream, staticDir: distDir });
    const asset = await fetch(`${app.url}/assets/index-Bx1Yz9.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("app")');
    const icon = await fetch(`${app.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client-side routes with index.html (reload on /inbox works)', async () => {
    app = await startTestApp({ upstream, staticDir: distDir });
    for (const p of ['/inbox', '/team/user_123?view=future', '/tasks/task_abc']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toBe(INDEX_HTML);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('keeps a missing asset or file a 404, never HTML', async () => {
    app = await startTestApp({ upstream, staticDir: distDir });
    for (const p of ['/assets/index-gone.js', '/robots.txt', '/assets/app.js.map']) {
      const res = await rawRequest({ port: app.port, path: p, headers: { host: `127.0.0.1:${app.port}` } });
      expect(res.status, p).toBe(404);
      expect(res.headers['content-type'], p).toMatch(/application\/json/);
    }
  });

  it('never serves files from outside the build folder', async () => {
    app = await startTestApp({ upstream, staticDir: path.join(distDir, 'assets') });
    for (const p of ['/../index.html', '/..%2findex.html', '/%2e%2e/index.html', '/assets/../../index.html', '//index.html']) {
      const res = await rawRequest({ port: app.port, path: p, headers: { host: `127.0.0.1:${app.port}` } });
      expect(res.body, p).not.toContain('<div id="root">');
    }
  });

  it('reports a missing build instead of a blank page', async () => {
    app = await startTestApp({ upstream, staticDir: path.join(distDir, 'not-built') });
    const res = await fetch(`${app.url}/inbox`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/npm run build/);
  });

  it('serves the API only when there is no static folder', async () => {
    app = await startTestApp({ upstream, staticDir: null });
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Not found: GET /' });
  });
});

describe('API basics', () => {
  it('GET /api/health says which upstream the proxy uses', async () => {
    app = await startTestApp({ upstream, mode: 'embedded' });
    const res = await fetch(`${app.url}/api/health`);
    expect(await res.json()).toEqual({ ok: true, mode: 'embedded' });
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('answers unknown API paths with JSON 404, also with a build present', async () => {
    app = await startTestApp({ upstream, staticDir: distDir });
    for (const [method, p] of [['GET', '/api/nothing'], ['POST', '/api/health'], ['GET', '/api'], ['DELETE', '/inbox']] as const) {
      const res = await fetch(`${app.url}${p}`, { method });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/^Not found/);
    }
  });

  it('answers an unexpected error with a generic 500 and logs the details, not the response', async () => {
    app = await startTestApp({ upstream });
    app.app.get('/api/boom', () => {
      throw new Error('database password is hunter2');
    });
    const res = await fetch(`${app.url}/api/boom`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; requestId: string };
    expect(body.error).toBe('Internal server error');
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
    expect(app.logs.some((line) => line.includes('unhandled error') && line.includes('hunter2'))).toBe(true);
  });
});

describe('the API key never reaches the browser', () => {
  let api: TestApi;
  afterEach(async () => {
    await api?.close();
  });

  it('appears in no response header or body, nor in the logs', async () => {
    api = await startTestCloseApi();
    const key = api.users.manager.key;
    const secrets = [key, Buffer.from(`${key}:`).toString('base64')];
    app = await startTestApp({ mode: 'embedded', upstream: { baseUrl: api.baseUrl, apiKey: key }, staticDir: distDir });
    const down = await startTestApp({ upstream: { baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: key } });
    try {
      const taskId = api.addTask({ date: '2024-03-01', assignedTo: api.users.manager.id, type: 'voicemail', extra: { voicemail_url: `${api.origin}/media/voicemail-01.wav` } });
      const media = `/api/media?url=${encodeURIComponent(`${api.origin}/media/voicemail-01.wav`)}`;
      const requests: Array<[TestApp, string, RequestInit?]> = [
        [app, '/'],
        [app, '/inbox'],
        [app, '/assets/index-Bx1Yz9.js'],
        [app, '/api/health'],
        [app, '/api/v1/me/'],
        [app, '/api/v1/user/'],
        [app, `/api/v1/organization/${api.organizationId}/`],
        [app, '/api/v1/task/?_type=all'],
        [app, `/api/v1/task/${taskId}/`],
        [app, '/api/v1/task/task_missing/'],
        [app, '/api/v1/task/?_limit=100000'],
        [app, '/api/v1/lead/?query=acme'],
        [app, '/api/v1/opportunity/'],
        [app, `/api/v1/task/${taskId}/`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"nope": 1}' }],
        [app, media],
        [app, media, { headers: { range: 'bytes=0-10' } }],
        [app, `/api/media?url=${encodeURIComponent('https://evil.example/x')}`],
        [app, '/api/media'],
        [down, '/api/v1/me/'],
      ];
      let authenticatedAsManager = false;
      for (const [target, p, init] of requests) {
        const res = await fetch(`${target.url}${p}`, init);
        const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
        const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
        for (const secret of secrets) {
          expect(headers, `headers of ${p}`).not.toContain(secret);
          expect(text, `body of ${p}`).not.toContain(secret);
        }
        if (p === '/api/v1/me/' && target === app) authenticatedAsManager = text.includes(api.users.manager.id);
      }
      // The walk went through the key's account, so the key was really in play.
      expect(authenticatedAsManager).toBe(true);
      const logs = [...app.logs, ...down.logs].join('\n');
      expect(logs).toContain('/api/v1/me/');
      for (const secret of secrets) expect(logs).not.toContain(secret);
    } finally {
      await down.close();
    }
  });
});
