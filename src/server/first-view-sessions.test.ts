/**
 * First views with sessions: rendered as the person asking (through a render token that works
 * only while their render runs), not at all for someone who must sign in first, and never with
 * another person's data when two people's pages are asked for at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSqliteSessionStore, sessionsFile } from './auth/sqlite-session-store';
import type { SessionStore } from './auth/session-store';
import { type FakeCloseAuth, PEOPLE, startFakeCloseAuth } from './auth/testing/fake-close-auth';
import { type AuthTestApp, signInWithKey, startAuthTestApp } from './auth/testing/start-auth-test-app';
import type { FirstViewRenderer } from './first-view';

const INDEX_HTML = '<!doctype html><html><head><script type="module" src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>';
const [maya, sam] = PEOPLE as [(typeof PEOPLE)[0], (typeof PEOPLE)[0]];

let close: FakeCloseAuth;
let dir: string;
let store: SessionStore;
let app: AuthTestApp | undefined;

beforeAll(async () => {
  close = await startFakeCloseAuth();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-first-view-sessions-'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
  store = openSqliteSessionStore(sessionsFile(dir));
});
afterAll(async () => {
  await store.close();
  await close.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A renderer that shows whose `/me/` its API origin reads, and remembers the origins it was given. */
function whoRenderer(origins: string[], hold?: Promise<void>): FirstViewRenderer {
  return async (_url, origin) => {
    origins.push(origin);
    await hold;
    const me = (await (await fetch(`${origin}/api/v1/me/`)).json()) as { id?: string };
    return { html: `<article>${me.id ?? 'nobody'}</article>`, dataScript: '' };
  };
}

async function page(cookie?: string): Promise<string> {
  const res = await fetch(`${app!.url}/inbox`, { headers: cookie ? { cookie } : {} });
  expect(res.status).toBe(200);
  return res.text();
}

describe('first views with sessions', () => {
  it("renders a signed-in person's page with their data, through a token that ends with the render", async () => {
    const origins: string[] = [];
    app = await startAuthTestApp({ close, store, app: { staticDir: dir, firstView: whoRenderer(origins) } });
    const cookie = await signInWithKey(app, maya.apiKey);
    expect(await page(cookie)).toContain(`<div id="root"><article>${maya.id}</article></div>`);
    expect(origins[0]).toMatch(new RegExp(`^${app.url}/__first-view/[A-Za-z0-9_-]{32}$`));
    // The token stood for Maya only while her render ran.
    const after = await fetch(`${origins[0]}/api/v1/me/`);
    expect(after.status).toBe(404);
    // Without a cookie (sign-in optional) the page is the server key's, read without a token.
    expect(await page()).toContain('<article>user_owner</article>');
    expect(origins[1]).toBe(app.url);
  });

  it('renders nothing for someone who must sign in first', async () => {
    const origins: string[] = [];
    app = await startAuthTestApp({ close, store, signIn: 'required', app: { staticDir: dir, firstView: whoRenderer(origins) } });
    expect(await page()).toContain('<div id="root"></div>');
    expect(await page(`triage_session=${'z'.repeat(43)}`)).toContain('<div id="root"></div>');
    expect(origins).toEqual([]);
  });

  it("never renders one person's page while another's render runs (the renderer's API origin is shared)", async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const origins: string[] = [];
    app = await startAuthTestApp({ close, store, app: { staticDir: dir, firstView: whoRenderer(origins, hold) } });
    const mayaCookie = await signInWithKey(app, maya.apiKey);
    const samCookie = await signInWithKey(app, sam.apiKey);
    const mayaPage = page(mayaCookie);
    await vi.waitFor(() => expect(origins).toHaveLength(1));
    // Sam's page goes out without a first view rather than wait or share Maya's origin.
    const samPage = await page(samCookie);
    expect(samPage).toContain('<div id="root"></div>');
    expect(samPage).not.toContain(maya.id);
    release();
    expect(await mayaPage).toContain(`<article>${maya.id}</article>`);
    expect(origins).toHaveLength(1);
    // Once Maya's render ended, Sam's page renders as Sam.
    expect(await page(samCookie)).toContain(`<article>${sam.id}</article>`);
  });
});
