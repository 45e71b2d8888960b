import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startStaticFirstView, withoutScripts } from './static-first-view';

const PAGE = `<!doctype html><html><head>
<script>document.documentElement.classList.add('x')</script>
<script type="module" crossorigin src="/assets/index-1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/jsx-1.js">
<link rel="stylesheet" crossorigin href="/assets/index-1.css">
<link rel="preload" as="script" crossorigin href="/assets/inbox-1.js">
</head><body><script id="triage-early-keys">hold(keys)</script><div id="root"><article><h3>Call Dana</h3></article></div>
<script type="application/json" id="triage-first-view">{"a":"\\u003c/script>"}</script></body></html>`;

/** The same page as the server sends it behind a quick render: the scripts held until the view is painted. */
const HELD_PAGE = PAGE.replace(/<script type="module"[^>]*><\/script>\n/, '').replace(
  '</body>',
  '<template id="triage-app-scripts"><script type="module" crossorigin src="/assets/index-1.js"></script></template><script>start(document.getElementById("triage-app-scripts"))</script></body>',
);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A stand-in for Triage's server on loopback: the page (after a redirect from /), a stylesheet. */
async function fakeApp(page: string): Promise<string> {
  const server = http.createServer((req, res) => {
    if (req.url === '/') res.writeHead(302, { location: '/inbox' }).end();
    else if (req.url === '/inbox') res.writeHead(200, { 'content-type': 'text/html', 'cross-origin-opener-policy': 'same-origin', 'content-security-policy': "default-src 'self'" }).end(page);
    else if (req.url === '/assets/index-1.css') res.writeHead(200, { 'content-type': 'text/css' }).end('body{color:red}');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('withoutScripts', () => {
  it("drops the module scripts, their preloads, the app's inline script and the data, and keeps the markup, the stylesheet and the theme's script", () => {
    const html = withoutScripts(PAGE);
    expect(html).not.toMatch(/type="module"|modulepreload|rel="preload"|application\/json|triage-early-keys|hold\(/);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-1.css">');
    expect(html).toContain("<script>document.documentElement.classList.add('x')</script>");
    expect(html).toContain('<article><h3>Call Dana</h3></article>');
  });

  it('drops scripts held for after the first paint, and the inline script that starts them', () => {
    const html = withoutScripts(HELD_PAGE);
    expect(HELD_PAGE).toContain('triage-app-scripts');
    expect(html).not.toMatch(/triage-app-scripts|type="module"|start\(/);
    expect(html).toContain("<script>document.documentElement.classList.add('x')</script>");
    expect(html).toContain('<article><h3>Call Dana</h3></article></div>');
  });
});

describe('startStaticFirstView', () => {
  it("serves the app's page without scripts, with the app's headers, and everything else from the app", async () => {
    const appUrl = await fakeApp(PAGE);
    const copy = await startStaticFirstView(appUrl, '/');
    closers.push(copy.close);
    expect(copy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/inbox$/);
    const page = await fetch(copy.url);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<article><h3>Call Dana</h3></article>');
    expect(html).not.toContain('index-1.js');
    const css = await fetch(new URL('/assets/index-1.css', copy.url));
    expect(await css.text()).toBe('body{color:red}');
  });

  it('refuses a page that carries no task card', async () => {
    const appUrl = await fakeApp('<!doctype html><div id="root"></div>');
    await expect(startStaticFirstView(appUrl, '/')).rejects.toThrow(/no task card/);
  });
});
