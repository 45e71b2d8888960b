/**
 * The browser's limit for the first view: the page Triage's server renders, saved once and served
 * as a file with no scripts, next to the app in the same run. Cold-loading it measures what this
 * machine's Chromium needs to show that page at all (a new renderer process, parsing, style,
 * layout, software raster), so the app's figure can be read against it, as the API's is against a
 * precomputed body.
 *
 * Everything but the page goes to the app's own server (the stylesheet, the favicon), and the page
 * goes out with the app's response headers: the same CSP, and the same
 * Cross-Origin-Opener-Policy, which on its own puts the page in a new renderer process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The rendered page without what runs: module scripts, their preloads, the app's inline scripts, the data for the takeover. */
export function withoutScripts(html: string): string {
  return html
    // Scripts held until the first paint, with the inline script that starts them.
    .replace(/<template id="triage-app-scripts">[\s\S]*?<\/template>(?:<script>[\s\S]*?<\/script>)?/g, '')
    // The app's inline script that holds keys typed before it has taken the page over.
    .replace(/<script id="triage-early-keys">[\s\S]*?<\/script>/g, '')
    .replace(/<script type="module"[^>]*><\/script>/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g, '');
}

/** Headers of the app's answer that describe that one transfer (the copy is sent whole and uncompressed), not the page. */
const PER_TRANSFER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);

export type StaticFirstView = { url: string; close: () => Promise<void> };

/** Saves the app's first view at `pagePath` and serves it at the same path on a port of its own. */
export async function startStaticFirstView(appUrl: string, pagePath: string): Promise<StaticFirstView> {
  const res = await fetch(new URL(pagePath, appUrl), { redirect: 'follow' });
  if (!res.ok) throw new Error(`the app answered ${res.status} for ${pagePath}`);
  const html = await res.text();
  if (!html.includes('<article')) throw new Error(`the app's page at ${pagePath} carries no task card (is the first view rendered on the server?)`);
  const page = Buffer.from(withoutScripts(html));
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!PER_TRANSFER.has(name)) headers[name] = value;
  });
  const app = new URL(appUrl);
  const servedPath = new URL(res.url).pathname;

  const server = http.createServer((req, out) => {
    if ((req.url ?? '').split('?')[0] === servedPath) {
      out.writeHead(200, { ...headers, 'content-length': page.length });
      out.end(page);
      return;
    }
    const upstream = http.request(
      { host: app.hostname, port: app.port, path: req.url, method: req.method, headers: { ...req.headers, host: app.host } },
      (answer) => {
        out.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(out);
      },
    );
    upstream.on('error', () => {
      out.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${servedPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
