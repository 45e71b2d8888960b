import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { routeTree } from './routeTree.gen';

export type RouterContext = { queryClient: QueryClient };

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    // Hovering a tab loads its view; the Query cache, not the router, decides freshness.
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    // Keep the current view on screen while the next one loads, up to a point, then a skeleton.
    defaultPendingMs: 600,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
