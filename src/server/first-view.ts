/**
 * Page answers with the first view already in them (docs/decisions/0011-server-rendered-first-view.md).
 * The page's head (stylesheet, theme) goes out at once; the rendered view and its data follow, then
 * the app's scripts, held until the view is painted, and the rest of the page. A render that takes
 * longer than a moment sends the scripts first, so a slow upstream does not hold their download
 * back. A view that cannot be rendered in time (slow upstream, an error, too many renders at
 * once) leaves `#root` empty: the browser app renders it as it always did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type FirstViewRenderer, type RenderedFirstView, ZONE_COOKIE } from '@/shared/first-view';
import type { UpstreamCredential } from './auth/upstream-credential';
import { DEFERRED_SCRIPTS_ID, EARLY_KEYS_SCRIPT_ID, HOLD_EARLY_KEYS, START_APP_AFTER_PAINT } from './first-view-inline-scripts';
import { type FirstViewGrant, firstViewTokensOf } from './first-view-tokens';
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

/** The page as built, less its preload of the user: for someone who must sign in first, it would only fetch a 401. */
export function withoutUserPreload(indexHtml: string): string {
  return indexHtml.replace(ME_PRELOAD, '');
}

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

/**
 * Renders it takes V8 to optimize the renderer: the first (loaders included) is by far the
 * slowest, and from about the tenth on a render takes its steady time (figures in ADR 0011).
 */
export const WARM_UP_RENDERS = 10;

/**
 * Renders the inbox and throws the result away: once before resolving (the first run is the slow
 * one; at most WARM_UP_LIMIT_MS, failures ignored), then, in the background one after another,
 * until `renders` are done, one fails, or `signal` says the server is stopping. `warm` settles then.
 */
export async function warmUpFirstView(
  render: FirstViewRenderer,
  ownOrigin: string,
  { renders = WARM_UP_RENDERS, signal }: { renders?: number; signal?: AbortSignal } = {},
): Promise<{ warm: Promise<void> }> {
  // As the server's default credential, which needs no render token.
  const once = () => withinDeadline(render('/inbox', ownOrigin).catch(() => null), WARM_UP_LIMIT_MS);
  if (!(await once())) return { warm: Promise.resolve() };
  const rest = async () => {
    for (let done = 1; done < renders; done++) {
      // Requests that came in meanwhile go first.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted || !(await once())) return;
    }
  };
  return { warm: rest() };
}

/**
 * A render done within this goes out before the app's scripts; a slower one after them. Cards
 * that arrive with the scripts wait for the main thread while the browser fetches and compiles a
 * dozen modules: with the scripts after the view, the first card paints sooner and the app is
 * ready no later (paired cold loads, ADR 0011); a render from the embedded API fits well within.
 */
const SCRIPTS_AFTER_VIEW_MS = 150;

/** The script that holds early keys, as it goes into the page before the view. */
const earlyKeysScript = `<script id="${EARLY_KEYS_SCRIPT_ID}">${HOLD_EARLY_KEYS}</script>`;

/** The app's scripts, to be fetched after the view's first paint. */
function scriptsAfterPaint(scripts: string): string {
  return scripts ? `<template id="${DEFERRED_SCRIPTS_ID}">${scripts}</template><script>${START_APP_AFTER_PAINT}</script>` : '';
}

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

/** Who the page is rendered for: this server as the request reached it, and the request's credential. */
export interface FirstViewReader {
  ownOrigin: string;
  credential: UpstreamCredential;
}

export function createFirstViewStreamer(render: FirstViewRenderer, logger: Logger) {
  // Counted until a render ends, not until its page goes out: one past its deadline still runs.
  let rendering = 0;
  const encoder = new TextEncoder();
  const tokens = firstViewTokensOf(render);

  function renderInTime(url: string, grant: FirstViewGrant, browserZone: string | undefined): Promise<RenderedFirstView | null> {
    rendering++;
    const work = render(url, grant.apiOrigin, browserZone)
      .catch((error: unknown) => {
        logger.warn('first view not rendered', { url, error: error instanceof Error ? error.message : String(error) });
        return null;
      })
      .finally(() => {
        rendering--;
        grant.release();
      });
    return withinDeadline(work, RENDER_DEADLINE_MS);
  }

  /** The page as a stream: the head now; the view and the scripts (in that order when the render is quick); the rest. */
  return function streamPage(parts: PageParts, url: string, reader: FirstViewReader, browserZone?: string): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => controller.enqueue(encoder.encode(text));
        send(parts.head);
        let scripts = parts.scripts;
        let view: RenderedFirstView | null = null;
        const grant = rendering < MAX_CONCURRENT_RENDERS ? tokens.grant(reader.ownOrigin, reader.credential) : null;
        if (grant) {
          const render = renderInTime(url, grant, browserZone);
          const quick = await withinDeadline(render.then((done) => ({ done })), SCRIPTS_AFTER_VIEW_MS);
          if (quick) view = quick.done;
          else {
            send(scripts);
            scripts = '';
            view = await render;
          }
        }
        if (view) send(`${earlyKeysScript}${ROOT_OPEN}${view.html}</div>${view.dataScript}${scriptsAfterPaint(scripts)}`);
        else send(ROOT_ELEMENT + scripts);
        send(parts.tail);
        controller.close();
      },
    });
  };
}
