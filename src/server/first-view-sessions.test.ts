/**
 * First views with sessions: rendered as the person asking (through a render token that works
 * only while their render runs), not at all for someone who must sign in first, and never with
 * another person's data when two people's pages render at once.
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

const ME_PRELOAD = '<link rel="preload" href="/api/v1/me/" as="fetch" crossorigin>';
const INDEX_HTML = `<!doctype html><html><head>${ME_PRELOAD}<script type="module" src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>`;
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

  it("renders two people's pages at once, each with their own data through their own token", async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const origins: string[] = [];
    app = await startAuthTestApp({ close, store, app: { staticDir: dir, firstView: whoRenderer(origins, hold) } });
    const mayaCookie = await signInWithKey(app, maya.apiKey);
    const samCookie = await signInWithKey(app, sam.apiKey);
    const mayaPage = page(mayaCookie);
    const samPage = page(samCookie);
    // Both renders are under way together, each with an origin of its own.
    await vi.waitFor(() => expect(origins).toHaveLength(2));
    expect(new Set(origins).size).toBe(2);
    release();
    const [mayaHtml, samHtml] = await Promise.all([mayaPage, samPage]);
    expect(mayaHtml).toContain(`<article>${maya.id}</article>`);
    expect(mayaHtml).not.toContain(sam.id);
    expect(samHtml).toContain(`<article>${sam.id}</article>`);
    expect(samHtml).not.toContain(maya.id);
  });
});

describe('pages for someone who must sign in first', () => {
  it('send them to sign-in and back to where they were, without loading the app to find out', async () => {
    app = await startAuthTestApp({ close, store, signIn: 'required', app: { staticDir: dir, firstView: whoRenderer([]) } });
    const res = await fetch(`${app.url}/inbox?tz=Asia%2FTokyo`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/sign-in?return_to=${encodeURIComponent('/inbox?tz=Asia%2FTokyo')}`);
    // A dead cookie too: never the server's default person.
    const dead = await fetch(`${app.url}/archive`, { redirect: 'manual', headers: { cookie: `triage_session=${'z'.repeat(43)}` } });
    expect(dead.status).toBe(302);
  });

  it('serve the sign-in page without the preload of a user it cannot have', async () => {
    app = await startAuthTestApp({ close, store, signIn: 'required', app: { staticDir: dir, firstView: whoRenderer([]) } });
    const res = await fetch(`${app.url}/sign-in?return_to=%2Finbox`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('/api/v1/me/');
    expect(html).toContain('<div id="root"></div>');
  });

  it('keep the preload for a signed-in person, and render no first view of the sign-in page', async () => {
    const origins: string[] = [];
    app = await startAuthTestApp({ close, store, app: { staticDir: dir, firstView: whoRenderer(origins) } });
    const cookie = await signInWithKey(app, maya.apiKey);
    const signIn = await (await fetch(`${app.url}/sign-in`, { headers: { cookie } })).text();
    expect(signIn).toContain('<div id="root"></div>');
    expect(origins).toEqual([]);
  });
});
