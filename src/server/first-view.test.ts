import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FirstViewRenderer } from './first-view';
import { WARM_UP_RENDERS, loadFirstViewRenderer, warmUpFirstView } from './first-view';
import { EARLY_KEYS_SCRIPT_ID, HOLD_EARLY_KEYS, START_APP_AFTER_PAINT } from './first-view-inline-scripts';
import { type TestApp, startTestApp } from './testing/start-test-app';

const THEME = "document.documentElement.classList.add('dark')";
const INDEX_HTML = [
  '<!doctype html><html><head>',
  '<link rel="preload" href="/api/v1/me/" as="fetch" crossorigin />',
  `<script>${THEME}</script>`,
  '<script type="module" crossorigin src="/assets/index-Bx1Yz9.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/jsx-C1.js">',
  '<link rel="stylesheet" crossorigin href="/assets/index-C2.css">',
  '<link rel="preload" as="script" crossorigin href="/assets/inbox-C3.js">',
  '</head><body><div id="root"></div><p>after</p></body></html>',
].join('');
const SCRIPTS =
  '<script type="module" crossorigin src="/assets/index-Bx1Yz9.js"></script><link rel="modulepreload" crossorigin href="/assets/jsx-C1.js"><link rel="preload" as="script" crossorigin href="/assets/inbox-C3.js">';
/** Goes before every rendered view: keys typed at its cards wait for the app. */
const EARLY_KEYS = `<script id="${EARLY_KEYS_SCRIPT_ID}">${HOLD_EARLY_KEYS}</script>`;
const upstream = { baseUrl: 'http://127.0.0.1:9/api/v1', apiKey: 'first-view-test-key' };

let distDir: string;
beforeAll(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-first-view-'));
  fs.mkdirSync(path.join(distDir, 'ssr'));
  fs.writeFileSync(path.join(distDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(
    path.join(distDir, 'ssr', 'entry-server.js'),
    'export async function renderFirstView(url, origin) { return { html: `<article>${url} from ${origin}</article>`, dataScript: "<script type=\\"application/json\\" id=\\"d\\">{}</script>" }; }',
  );  // The server's own build (scripts/build-server.mjs) sits in the build folder too.
  fs.mkdirSync(path.join(distDir, 'server'));
  fs.writeFileSync(path.join(distDir, 'server', 'index.js'), 'const SERVER_SOURCE = 1;');
});
afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function start(firstView: FirstViewRenderer | null) {
  return startTestApp({ upstream, staticDir: distDir, firstView });
}

describe('pages with a server-rendered first view', () => {
  it('stream the view into #root with its data after it, for every page path and `/`', async () => {
    const seen: string[] = [];
    app = await start(async (url, origin) => {
      seen.push(`${url} ${origin}`);
      return { html: '<article>Call Dana</article>', dataScript: '<script type="application/json" id="d">{"a":1}</script>' };
    });
    for (const p of ['/', '/inbox?assignee=everyone']) {
      const res = await fetch(`${app.url}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      const html = await res.text();
      // A quick render: the app's scripts come after the view, held until it is painted (the stylesheet stays in the head).
      expect(html).toContain(
        `${EARLY_KEYS}<div id="root"><article>Call Dana</article></div><script type="application/json" id="d">{"a":1}</script>` +
          `<template id="triage-app-scripts">${SCRIPTS}</template><script>${START_APP_AFTER_PAINT}</script><p>after</p>`,
      );
      expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-C2.css"></head>');
      expect(html.match(/index-Bx1Yz9\.js/g)).toHaveLength(1);
      // The page carries the user: the preload of /me/ would go unused.
      expect(html).not.toContain('/api/v1/me/');
    }
    expect(seen).toEqual([`/ ${app.url}`, `/inbox?assignee=everyone ${app.url}`]);
  });

  it('send the scripts before the view when the render takes longer than a moment', async () => {
    app = await start(() => new Promise((resolve) => setTimeout(() => resolve({ html: '<article>slow</article>', dataScript: '' }), 400)));
    const res = await fetch(`${app.url}/inbox`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // Read until the scripts arrive: they must come while the render is still running.
    while (!received.includes('index-Bx1Yz9.js')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain(SCRIPTS);
    expect(received).not.toContain('<article>');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) received += decoder.decode(chunk.value, { stream: true });
    expect(received).toContain(`</head><body>${SCRIPTS}${EARLY_KEYS}<div id="root"><article>slow</article></div><p>after</p>`);
    expect(received.match(/index-Bx1Yz9\.js/g)).toHaveLength(1);
  });

  it("hand the renderer the browser's zone from its cookie, and nothing that is not a zone's name", async () => {
    const zones: (string | undefined)[] = [];
    app = await start(async (_url, _origin, zone) => {
      zones.push(zone);
      return null;
    });
    for (const cookie of ['triage_tz=Asia%2FTokyo', 'a=1; triage_tz=America/Argentina/Buenos_Aires; b=2', 'triage_tz=%3Cscript%3E', 'triage_tz=%E0%A4%A', '']) {
      await (await fetch(`${app.url}/inbox`, { headers: cookie ? { cookie } : {} })).text();
    }
    expect(zones).toEqual(['Asia/Tokyo', 'America/Argentina/Buenos_Aires', undefined, undefined, undefined]);
  });

  it("allow the page's inline scripts by their hashes, and nothing else inline", async () => {
    const sha = (script: string) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`;
    app = await start(async () => null);
    const csp = (await fetch(`${app.url}/inbox`)).headers.get('content-security-policy')!;
    // The theme from index.html, and what the server adds with a rendered view: the keys' holder and the start of the app.
    expect(csp).toContain(`script-src 'self' ${sha(THEME)} ${sha(HOLD_EARLY_KEYS)} ${sha(START_APP_AFTER_PAINT)};`);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe');
    await app.close();
    // Without a renderer, the page is index.html as built: its own inline script only.
    app = await start(null);
    expect((await fetch(`${app.url}/inbox`)).headers.get('content-security-policy')).toContain(`script-src 'self' ${sha(THEME)};`);
  });

  it('go out with an empty #root when the renderer has nothing, throws, or is late', async () => {
    const renderers: FirstViewRenderer[] = [
      async () => null,
      async () => {
        throw new Error('upstream down');
      },
      () => new Promise((resolve) => setTimeout(() => resolve({ html: '<article>late</article>', dataScript: '' }), 2_500)),
    ];
    for (const render of renderers) {
      app = await start(render);
      const html = await (await fetch(`${app.url}/inbox`)).text();
      expect(html).toMatch(/<div id="root"><\/div>(<script type="module".*)?<p>after<\/p>/);
      expect(html).toContain(SCRIPTS);
      expect(html).not.toContain('<article>');
      await app.close();
      app = undefined;
    }
  });

  it('are plain pages without a renderer, and the renderer itself is never served', async () => {
    app = await start(null);
    expect(await (await fetch(`${app.url}/inbox`)).text()).toBe(INDEX_HTML);
    const file = await fetch(`${app.url}/ssr/entry-server.js`);
    expect(file.status).toBe(404);
    expect(await file.text()).not.toContain('renderFirstView');
    const server = await fetch(`${app.url}/server/index.js`);
    expect(server.status).toBe(404);
    expect(await server.text()).not.toContain('SERVER_SOURCE');
  });

  it('load the renderer a build wrote, and none from a build without one', async () => {
    const render = await loadFirstViewRenderer(distDir);
    expect(await render!('/inbox', 'http://127.0.0.1:1')).toMatchObject({ html: '<article>/inbox from http://127.0.0.1:1</article>' });
    expect(await loadFirstViewRenderer(path.join(distDir, 'ssr'))).toBeNull();
  });
});

describe('warming the renderer up', () => {
  const rendered = { html: '<article>x</article>', dataScript: '' };

  it('renders once before it resolves, then on in the background until V8 has had enough', async () => {
    const calls: string[] = [];
    const { warm } = await warmUpFirstView(async (url, origin) => {
      calls.push(`${url} ${origin}`);
      return rendered;
    }, 'http://127.0.0.1:1');
    expect(calls).toEqual(['/inbox http://127.0.0.1:1']);
    await warm;
    expect(calls).toHaveLength(WARM_UP_RENDERS);
  });

  it('stops at the first render that fails, and when the server stops', async () => {
    let calls = 0;
    const failing = await warmUpFirstView(async () => (++calls === 3 ? null : rendered), '', { renders: 10 });
    await failing.warm;
    expect(calls).toBe(3);

    calls = 0;
    const stopping = new AbortController();
    const stopped = await warmUpFirstView(async () => {
      if (++calls === 2) stopping.abort();
      return rendered;
    }, '', { renders: 10, signal: stopping.signal });
    await stopped.warm;
    expect(calls).toBe(2);

    calls = 0;
    const first = await warmUpFirstView(async () => (calls++, null), '');
    await first.warm;
    expect(calls).toBe(1);
  });
});
