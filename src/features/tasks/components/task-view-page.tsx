import { useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useMemo } from 'react';
import { useCapabilities } from '@/lib/capabilities';
import type { TaskView } from '@/shared/close/schemas';
import { meQueryOptions } from '../api/get-me';
import { TASK_POLL_MS, taskKeys, taskQueries } from '../api/task-keys';
import { useViewChoice } from '../hooks/use-current-task-view';
import { resolveTaskListFilters } from '../utils/resolve-task-list-filters';
import { useNow } from '../hooks/use-now';
import { useDayRollover } from '../hooks/use-day-rollover';
import { selectionActions } from '../stores/selection-store';
import { groupTasks, toListRows } from '../utils/group-tasks';
import { filterByPriority } from '../utils/priority-filter';
import { flattenTaskPages } from '../utils/task-pages';
import { ASSIGNEE_ME, type ViewSearch } from '../utils/view-search';
import { EmptyState } from './empty-state';
import { QueuePage } from './queue/queue-page';
import { SelectionHeader } from './selection-header';
import { TaskList } from './task-list';

/** Past this many loaded pages (2,000 tasks) the list stops polling. */
const MAX_POLLED_PAGES = 20;

/**
 * A view route's page: the list of one view, or queue mode over the inbox. Queue mode lives in
 * this chunk rather than one of its own: a separate chunk makes the bundler split shared code out
 * of the first bundle (ADR 0007), while here it adds little to a chunk that loads with the first
 * view anyway.
 */
export function TaskViewPage({ view, mode = 'list' }: { view: TaskView; mode?: 'list' | 'queue' }) {
  return mode === 'queue' ? <QueuePage /> : <TaskListView view={view} />;
}

/**
 * One view (inbox, future, archive): the loaded pages, grouped, in a virtualized list. Reads
 * with the options the route loader used, so the first render has its data.
 */
function TaskListView({ view }: { view: TaskView }) {
  const queryClient = useQueryClient();
  const choice = useViewChoice();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const filters = useMemo(() => resolveTaskListFilters(view, choice, me.id), [view, choice, me.id]);
  const list = useSuspenseInfiniteQuery({
    ...taskQueries.list(filters),
    // Poll for new work, but never while a change of ours is in flight (a stale answer would
    // flash the old state back; the change refetches when it settles), and not once thousands of
    // tasks are loaded (a refetch re-reads every loaded page; focus and other tabs still refresh).
    refetchInterval: (query) =>
      queryClient.isMutating({ mutationKey: taskKeys.update() }) > 0 || (query.state.data?.pages.length ?? 0) > MAX_POLLED_PAGES
        ? false
        : TASK_POLL_MS,
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey: taskKeys.update() }) === 0,
  });
  const nowMs = useNow();
  useDayRollover(filters.timeZone);

  // A selection belongs to the list it was made in.
  const filtersKey = JSON.stringify(filters);
  useEffect(() => () => selectionActions().selectionCleared(), [filtersKey]);

  // The priority filter works on the loaded pages (priorityOf explains why), where the backend has priorities.
  const requestedPriority = (useSearch({ strict: false }) as ViewSearch).priority;
  const priority = useCapabilities()?.priority === true ? requestedPriority : undefined;
  const tasks = useMemo(() => filterByPriority(flattenTaskPages(list.data), priority), [list.data, priority]);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = list;
  // No match among the loaded pages: read on (the list reads on by itself once it shows a task).
  const readingOn = tasks.length === 0 && priority !== undefined && hasNextPage;
  useEffect(() => {
    if (readingOn && !isFetchingNextPage) void fetchNextPage();
  }, [readingOn, isFetchingNextPage, fetchNextPage]);
  const loadedIds = useMemo(() => tasks.map((t) => t.id), [tasks]);
  const rows = useMemo(
    () => toListRows(groupTasks(tasks, view, { timeZone: filters.timeZone, nowMs, hasMore: list.hasNextPage })),
    [tasks, view, filters.timeZone, nowMs, list.hasNextPage],
  );
  const loadMore = useMemo(() => () => void fetchNextPage(), [fetchNextPage]);

  if (readingOn) {
    return (
      <p role="status" className="px-3 py-8 text-center text-sm text-slate-600 dark:text-slate-400">
        Looking for {priority === 'high' ? 'high' : 'normal'}-priority tasks…
      </p>
    );
  }
  if (tasks.length === 0) {
    return <EmptyState view={view} filtered={choice.types.length > 0 || choice.assignee !== ASSIGNEE_ME || priority !== undefined} />;
  }
  return (
    <section aria-label={`${view.charAt(0).toUpperCase()}${view.slice(1)} tasks`}>
      <SelectionHeader filters={filters} loadedIds={loadedIds} narrowedOnScreen={priority !== undefined} />
      <TaskList
        view={view}
        rows={rows}
        timeZone={filters.timeZone}
        nowMs={nowMs}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={loadMore}
      />
    </section>
  );
}
