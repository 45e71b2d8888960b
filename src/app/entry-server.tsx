/**
 * The first view, rendered on our server (docs/decisions/0011-server-rendered-first-view.md):
 * the page the browser asked for, with its tasks, as HTML in the answer to the navigation, so
 * the first cards are on screen before the app's scripts have run. The data it was rendered
 * from goes along (see first-view-data.ts); the browser app starts from that data and takes
 * the page over with its own render.
 *
 * Built by `vite build --ssr` into `<dist>/ssr/`; src/server/first-view.ts loads it.
 */
import { type QueryClient, dehydrate } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import type { FirstViewRenderer } from '@/shared/first-view';
import { browserTimeZone, isValidTimeZone } from '@/shared/close/zones';
import { type FirstViewData, serializeFirstViewData } from './first-view-data';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { withApiOrigin } from './render-api-origin';
import { createAppRouter } from './router';

/** React's mark for a boundary renderToString left to the browser ("client render"). */
const SUSPENDED = '<!--$!-->';

/**
 * The server's controls do nothing until the app has taken the page over (its handlers are the
 * app's): they say so, and tools that wait for a control to be enabled wait for the app's. Not
 * `disabled`, which would grey them out for that moment. React escapes `<` in text and
 * attributes, so this matches tags only.
 */
const CONTROL_TAG = /<(button|input|select|textarea)(?=[\s/>])/g;
const markControlsUnavailable = (html: string) => html.replace(CONTROL_TAG, '<$1 aria-disabled="true"');

/**
 * Renders `url` (path and query) with data read from `apiOrigin` (our own server, so the
 * request takes the same path through the proxy as the browser's would), for a browser in
 * `browserZone` when its cookie said so (else in the server's zone). Null when the page is
 * not one to render here (not found, a redirect away, a failed load): the browser app then
 * renders it as usual.
 */
export const renderFirstView: FirstViewRenderer = (url, apiOrigin, browserZone) => withApiOrigin(apiOrigin, () => render(url, browserZone));

async function render(url: string, browserZone: string | undefined) {
  // The browser's zone (from its cookie) stands in for the server's where the URL names none:
  // as a `tz` in the rendered URL, so every loader and component of this render reads it.
  const zone = browserZone && isValidTimeZone(browserZone) ? browserZone : browserTimeZone();
  const target = new URL(url, 'http://first.view');
  if (!target.searchParams.has('tz') && zone !== browserTimeZone()) target.searchParams.set('tz', zone);
  const queryClient = createQueryClient();
  // No retries: a failure is the browser app's to meet, with its own retries and error view.
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  try {
    const router = await loadFollowingRedirects(queryClient, target.pathname + target.search);
    if (!router) return null;
    const { matches } = router.state;
    if (matches.length < 2 || matches.some((m) => m.status !== 'success')) return null;
    const app = <AppProviders queryClient={queryClient} router={router} />;
    let html = renderToString(app);
    if (html.includes(SUSPENDED)) {
      // A lazy part (the dialogs' host) was not loaded yet, the first time only: prerender waits
      // for it; the page itself still comes from renderToString, whose output has no inline
      // scripts (prerender's would, for the boundaries it completed late, and our CSP refuses them).
      await (await prerender(app)).prelude.cancel();
      html = renderToString(app);
      if (html.includes(SUSPENDED)) return null;
    }
    const data: FirstViewData = {
      path: router.state.location.href,
      zone,
      queries: dehydrate(queryClient),
    };
    return { html: markControlsUnavailable(html), dataScript: serializeFirstViewData(data) };
  } finally {
    queryClient.clear();
  }
};

/** A router loaded at `url`, or at where its routes redirect it (`/` → `/inbox`); null past two hops. */
async function loadFollowingRedirects(queryClient: QueryClient, url: string) {
  let href = url;
  for (let hop = 0; hop <= 2; hop++) {
    const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [href] }));
    await router.load();
    const target = redirectTarget(router);
    if (target === null) return router;
    if (!target.startsWith('/') || target.startsWith('//')) return null;
    href = target;
  }
  return null;
}

/**
 * Where the server load was redirected to, if it was. The router keeps that in a field of its
 * own (`_serverResult`, what TanStack Start answers with a redirect); should it ever be missing,
 * a redirected load has no resolved location, and the page is left to the browser app.
 */
function redirectTarget(router: ReturnType<typeof createAppRouter>): string | null {
  const result = (router as { _serverResult?: { type?: string; redirect?: { options?: { href?: unknown } } } })._serverResult;
  if (result?.type === 'redirect') return typeof result.redirect?.options?.href === 'string' ? result.redirect.options.href : '';
  return router.state.resolvedLocation ? null : '';
}
