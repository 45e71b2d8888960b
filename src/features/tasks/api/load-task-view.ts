import type { QueryClient } from '@tanstack/react-query';
import type { TaskView } from '@/shared/close/schemas';
import { resolveTaskListFilters } from '../hooks/use-current-task-view';
import { type ViewSearch, readViewSearch } from '../utils/view-search';
import { meQueryOptions } from './get-me';
import { taskQueries } from './task-keys';

/**
 * A view route's loader: who "me" is, then the list's first page, through the very options the
 * page reads with. Counts and users load alongside without holding the page back.
 */
export async function loadTaskView(queryClient: QueryClient, view: TaskView, search: ViewSearch): Promise<void> {
  const me = await queryClient.ensureQueryData(meQueryOptions());
  const filters = resolveTaskListFilters(view, readViewSearch(search), me.id);
  await queryClient.ensureInfiniteQueryData(taskQueries.list(filters));
}
