import type { QueryClient } from '@tanstack/react-query';
import { type RouterHistory, createRouter } from '@tanstack/react-router';
import { routeTree } from './routeTree.gen';

export type RouterContext = { queryClient: QueryClient };

/**
 * `history`: the browser's by default. The server renders the first view on a memory history,
 * without scroll restoration (whose server part is an inline script, which our CSP refuses).
 */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    context: { queryClient },
    // Hovering a tab loads its view; the Query cache, not the router, decides freshness.
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    // Keep the current view on screen while the next one loads, up to a point, then a skeleton.
    defaultPendingMs: 600,
    scrollRestoration: !history,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
  interface StaticDataRouteOption {
    /** A page that stands alone, without the triage shell around it (sign-in). */
    withoutShell?: boolean;
  }
}
