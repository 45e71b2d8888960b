import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CapabilitiesSchema } from '@/shared/contract/capabilities';
import { type TestApp, startTestApp } from '../testing/start-test-app';
import { CLOSE_CAPABILITIES } from './close/close-capabilities';
import type { Connector } from './connector';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const upstream = { baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: 'connector-test-key' };

describe('GET /api/capabilities', () => {
  it("answers Close's declaration by default, in the shared schema, revalidated on every use", async () => {
    app = await startTestApp({ upstream });
    const res = await fetch(`${app.url}/api/capabilities`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = CapabilitiesSchema.parse(await res.json());
    expect(body).toEqual(CLOSE_CAPABILITIES);
    expect(body).toMatchObject({ connector: 'close', reopen: true, bulkByIds: { maxIds: 1_000 }, activities: { sms: true, email: true, voicemail: true, mms: true } });
  });

  it("answers the active connector's declaration, and its contract handler answers /api/v1", async () => {
    const seen: string[] = [];
    const connector: Connector = {
      name: 'test',
      capabilities: { ...CLOSE_CAPABILITIES, connector: 'test', reopen: false, priority: false },
      signIn: {
        provider: 'Test',
        apiKey: false,
        help: { apiKey: null, oauth: null },
        callbackPath: '/auth/oauth/callback',
        oauth: null,
        authorizationOf: () => 'Bearer x',
        whoIs: () => Promise.reject(new Error('not asked')),
      },
      contractHandler: () =>
        Object.assign(async (c: Parameters<ReturnType<Connector['contractHandler']>>[0]) => {
          seen.push(c.env.incoming.url ?? '');
          return c.json({ data: [], has_more: false });
        }, { forward: async () => new Response(null, { status: 500 }) }),
    };
    app = await startTestApp({ upstream, connector });
    expect(await (await fetch(`${app.url}/api/capabilities`)).json()).toMatchObject({ connector: 'test', reopen: false, priority: false });
    const list = await fetch(`${app.url}/api/v1/task/?view=inbox`);
    expect(await list.json()).toEqual({ data: [], has_more: false });
    expect(seen).toEqual(['/api/v1/task/?view=inbox']);
  });
});

describe('capabilities in a first view', () => {
  it("are read by the renderer through its own origin, the render token's too", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-capabilities-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    try {
      const seen: unknown[] = [];
      app = await startTestApp({
        upstream,
        staticDir: dir,
        firstView: async (_url, origin) => {
          seen.push(await (await fetch(`${origin}/api/capabilities`)).json());
          return { html: '<article>rendered</article>', dataScript: '' };
        },
      });
      expect(await (await fetch(`${app.url}/inbox`)).text()).toContain('<article>rendered</article>');
      expect(seen).toEqual([CLOSE_CAPABILITIES]);
      const throughToken = await fetch(`${app.url}/__first-view/any-token/api/capabilities`);
      expect(throughToken.status).toBe(200);
      expect(await throughToken.json()).toEqual(CLOSE_CAPABILITIES);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Close's declaration", () => {
  it('is complete and strict: an undeclared field is an error, not a silent default', () => {
    expect(CapabilitiesSchema.safeParse(CLOSE_CAPABILITIES).success).toBe(true);
    expect(CapabilitiesSchema.safeParse({ ...CLOSE_CAPABILITIES, teleport: true }).success).toBe(false);
    const { reopen: _reopen, ...withoutReopen } = CLOSE_CAPABILITIES;
    expect(CapabilitiesSchema.safeParse(withoutReopen).success).toBe(false);
  });
});
