import { queryOptions } from '@tanstack/react-query';
import { taskApi } from '@/lib/task-api';

/**
 * The signed-in user (whose key the proxy holds): "me" in the assignee filter. index.html
 * preloads this very request, so the first one is usually answered before the app starts.
 */
export function getMe(signal?: AbortSignal) {
  return taskApi.getMe({ signal, asPreloaded: true });
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 10 * 60_000,
  });
