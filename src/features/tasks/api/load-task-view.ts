import type { QueryClient } from '@tanstack/react-query';
import type { TaskView } from '@/shared/close/schemas';
import { capabilitiesQueryOptions } from '@/lib/capabilities';
import { resolveTaskListFilters } from '../utils/resolve-task-list-filters';
import { ASSIGNEE_ME, type ViewSearch, readViewSearch } from '../utils/view-search';
import { meQueryOptions } from './get-me';
import { taskQueries } from './task-keys';

/**
 * A view route's loader: who "me" is and the list's first page, through the very options the
 * page reads with. Only "my" tasks need the user's id first; any other list loads alongside.
 * What the backend can do is read alongside (our own server answers it at once), so the first
 * render already knows which actions to offer; a failure there holds nothing back (prefetch).
 * Counts and users load after the first view, without holding the page back. main.tsx calls this
 * before the router starts, so the router's own call finds both requests in flight.
 */
export async function loadTaskView(queryClient: QueryClient, view: TaskView, search: ViewSearch): Promise<void> {
  const choice = readViewSearch(search);
  const me = queryClient.ensureQueryData(meQueryOptions());
  const capabilities = queryClient.prefetchQuery(capabilitiesQueryOptions());
  if (choice.assignee !== ASSIGNEE_ME) {
    await Promise.all([me, capabilities, queryClient.ensureInfiniteQueryData(taskQueries.list(resolveTaskListFilters(view, choice, '')))]);
    return;
  }
  const filters = resolveTaskListFilters(view, choice, (await me).id);
  await Promise.all([capabilities, queryClient.ensureInfiniteQueryData(taskQueries.list(filters))]);
}
