import type { QueryClient } from '@tanstack/react-query';
import type { TaskView } from '@/shared/close/schemas';
import { loadTaskView } from '@/features/tasks/api/load-task-view';
import { readViewSearch, viewSearchSchema } from '@/features/tasks/utils/view-search';
import type { FirstViewData } from './first-view-data';
import type { createAppRouter } from './router';

/** The view each page path loads (`/` redirects to the inbox; queue mode works through it). */
const VIEW_OF_PATH: Readonly<Record<string, { view: TaskView; route: '/inbox' | '/queue' | '/future' | '/archive' }>> = {
  '/': { view: 'inbox', route: '/inbox' },
  '/inbox': { view: 'inbox', route: '/inbox' },
  '/queue': { view: 'inbox', route: '/queue' },
  '/future': { view: 'future', route: '/future' },
  '/archive': { view: 'archive', route: '/archive' },
};

/**
 * Starts what the first view waits for as soon as the app's script runs, rather than after
 * React's first render, the redirect from `/` and the route's match: the user, then the list's
 * first page, and the route's component chunk (index.html has already fetched its files). The
 * router's own loader calls loadTaskView with the same search and finds the requests in flight.
 * A failure is left for that loader to meet: it retries and shows the route's error.
 */
export function prefetchFirstView(queryClient: QueryClient, router: ReturnType<typeof createAppRouter>): void {
  const { pathname, search } = router.state.location;
  const first = VIEW_OF_PATH[pathname.replace(/(.)\/$/, '$1')];
  if (!first) return;
  const parsed = viewSearchSchema.safeParse(search ?? {});
  if (!parsed.success) return;
  loadTaskView(queryClient, first.view, parsed.data).catch(() => {});
  router.loadRouteChunk(router.routesByPath[first.route])?.catch(() => {});
}

/**
 * Whether the server's first view is this page's: the same view, and the same zone for "today"
 * where the URL names none (the server used the zone the browser's cookie named, or its own).
 */
export function serverViewFits(router: ReturnType<typeof createAppRouter>, data: FirstViewData): boolean {
  const { pathname, search } = router.state.location;
  const first = VIEW_OF_PATH[pathname.replace(/(.)\/$/, '$1')];
  if (!first || first.route !== data.path.split('?')[0]) return false;
  const parsed = viewSearchSchema.safeParse(search ?? {});
  if (!parsed.success) return false;
  return readViewSearch(parsed.data, data.zone).timeZone === readViewSearch(parsed.data).timeZone;
}
