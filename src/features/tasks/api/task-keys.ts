/**
 * Query keys and options for tasks, generic to specific: ['tasks'] → ['tasks', 'list'] →
 * ['tasks', 'list', filters]. Everything a query function reads is in its key, and route loaders
 * and components use these very options so they can never drift apart.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { shareTaskPages } from '../utils/task-pages';
import type { TaskListFilters } from '../utils/task-view-rules';
import { TASK_COUNT_CAP, TASK_PAGE_SIZE, countTasks, listTasksPage } from './list-tasks';

/** How often the visible list looks for new work (a modest poll; focus and other tabs also refresh it). */
export const TASK_POLL_MS = 30_000;

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (filters: TaskListFilters) => [...taskKeys.lists(), filters] as const,
  counts: () => [...taskKeys.all, 'count'] as const,
  count: (filters: TaskListFilters) => [...taskKeys.counts(), filters] as const,
  /** The one mutation key every task change shares, so the lists refresh after the last of them. */
  update: () => [...taskKeys.all, 'update'] as const,
};

export const taskQueries = {
  list: (filters: TaskListFilters) =>
    infiniteQueryOptions({
      queryKey: taskKeys.list(filters),
      queryFn: ({ pageParam, signal }) => listTasksPage(filters, pageParam, signal),
      initialPageParam: 0,
      getNextPageParam: (lastPage, _pages, lastSkip) => (lastPage.has_more ? lastSkip + TASK_PAGE_SIZE : undefined),
      staleTime: 10_000,
      structuralSharing: shareTaskPages,
    }),
  count: (filters: TaskListFilters) =>
    queryOptions({
      queryKey: taskKeys.count(filters),
      queryFn: ({ signal }) => countTasks(filters, TASK_COUNT_CAP, signal),
      staleTime: 10_000,
    }),
};
