/**
 * Page answers with the first view already in them (docs/decisions/0011-server-rendered-first-view.md).
 * The page's head (stylesheet, theme) goes out at once; the rendered view and its data follow, then
 * the app's scripts and the rest of the page. A render that takes longer than a moment sends the
 * scripts first, so a slow upstream does not hold their download back. A view that cannot be
 * rendered in time (slow upstream, an error, too many renders at once) leaves `#root` empty: the
 * browser app renders it as it always did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FirstViewRenderer, type RenderedFirstView, ZONE_COOKIE } from '@/shared/first-view';
import type { Logger } from './logger';

export type { FirstViewRenderer };

const ZONE_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${ZONE_COOKIE}=([^;]*)`);

/** The browser's zone from its cookie (set by src/app/first-view-data.ts), when it is a zone's name at all. */
export function browserZoneFrom(cookieHeader: string | undefined): string | undefined {
  const match = cookieHeader?.match(ZONE_COOKIE_VALUE);
  if (!match) return undefined;
  let zone: string;
  try {
    zone = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  // The renderer checks it against Intl; this only keeps anything but a zone's name out.
  return /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone) ? zone : undefined;
}

/** Where the SSR build puts the renderer inside the built app's folder (never served); scripts/build-app.mjs names it too. */
export const RENDERER_DIR = 'ssr';
const RENDERER_FILE = path.join(RENDERER_DIR, 'entry-server.js');

/** Past this, the page goes out without a first view: the browser is faster on its own by then. */
const RENDER_DEADLINE_MS = 1_500;
/** Rendering holds the server's one thread; beyond this many at once, pages go out plain. */
const MAX_CONCURRENT_RENDERS = 4;

const ROOT_OPEN = '<div id="root">';
const ROOT_ELEMENT = `${ROOT_OPEN}</div>`;
/** index.html's preload of the user, which a rendered page does not need (it carries the user). */
const ME_PRELOAD = /\s*<link rel="preload" href="\/api\/v1\/me\/"[^>]*>/;

/** The renderer of a built app, or null when the build has none (built before it existed). */
export async function loadFirstViewRenderer(staticDir: string): Promise<FirstViewRenderer | null> {
  const file = path.join(path.resolve(staticDir), RENDERER_FILE);
  if (!fs.existsSync(file)) return null;
  // `<dist>/ssr/entry-server.js`, built from src/app/entry-server.tsx.
  const mod = (await import(pathToFileURL(file).href)) as { renderFirstView?: FirstViewRenderer };
  return typeof mod.renderFirstView === 'function' ? mod.renderFirstView : null;
}

const WARM_UP_LIMIT_MS = 5_000;

/** `work`'s result, or null once `ms` have passed (the work itself runs on). */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Renders the inbox once and throws the result away (at most WARM_UP_LIMIT_MS; failures ignored). */
export async function warmUpFirstView(render: FirstViewRenderer, ownOrigin: string): Promise<void> {
  await withinDeadline(render('/inbox', ownOrigin).catch(() => null), WARM_UP_LIMIT_MS);
}

/**
 * A render done within this goes out before the app's scripts; a slower one after them. Cards
 * that arrive with the scripts wait for the main thread while the browser fetches and compiles a
 * dozen modules: scripts after the view painted the first card 70–120 ms sooner (paired cold
 * loads, ADR 0011), with the app ready no later, the embedded API rendering in ~20–40 ms.
 */
const SCRIPTS_AFTER_VIEW_MS = 150;

/** The app's scripts and their preloads, as the build writes them into index.html's head. */
const APP_SCRIPTS = /\s*(?:<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>|<link rel="preload" as="script"[^>]*>)/g;

/**
 * index.html in three: the head and `<body>` without the app's scripts, the scripts, and what
 * follows the empty `#root`; or null when it has no empty root to fill.
 */
export type PageParts = { head: string; scripts: string; tail: string };

export function splitPage(indexHtml: string): PageParts | null {
  const at = indexHtml.indexOf(ROOT_ELEMENT);
  if (at < 0) return null;
  const scripts: string[] = [];
  const head = indexHtml
    .slice(0, at)
    .replace(ME_PRELOAD, '')
    .replace(APP_SCRIPTS, (tag) => {
      scripts.push(tag.trim());
      return '';
    });
  return { head, scripts: scripts.join(''), tail: indexHtml.slice(at + ROOT_ELEMENT.length) };
}

export function createFirstViewStreamer(render: FirstViewRenderer, logger: Logger) {
  // Counted until a render ends, not until its page goes out: one past its deadline still runs.
  let rendering = 0;
  const encoder = new TextEncoder();

  function renderInTime(url: string, apiOrigin: string, browserZone: string | undefined): Promise<RenderedFirstView | null> {
    rendering++;
    const work = render(url, apiOrigin, browserZone)
      .catch((error: unknown) => {
        logger.warn('first view not rendered', { url, error: error instanceof Error ? error.message : String(error) });
        return null;
      })
      .finally(() => rendering--);
    return withinDeadline(work, RENDER_DEADLINE_MS);
  }

  /** The page as a stream: the head now; the view and the scripts (in that order when the render is quick); the rest. */
  return function streamPage(parts: PageParts, url: string, apiOrigin: string, browserZone?: string): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        send(parts.head);
        let scripts = parts.scripts;
        let view: RenderedFirstView | null = null;
        if (rendering < MAX_CONCURRENT_RENDERS) {
          const render = renderInTime(url, apiOrigin, browserZone);
          const quick = await withinDeadline(render.then((done) => ({ done })), SCRIPTS_AFTER_VIEW_MS);
          if (quick) view = quick.done;
          else {
            send(scripts);
            scripts = '';
            view = await render;
          }
        }
        send(view ? `${ROOT_OPEN}${view.html}</div>${view.dataScript}` : ROOT_ELEMENT);
        send(scripts + parts.tail);
        controller.close();
      },
    });
  };
}
