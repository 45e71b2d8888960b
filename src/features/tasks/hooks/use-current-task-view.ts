/**
 * The view on screen, read from the URL: which list (path) and its filters (search params), with
 * "me" resolved to the signed-in user's id. Components and actions read the view from here, so a
 * shortcut acts on exactly what a button in the same view would.
 */
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { TaskView } from '@/shared/close/schemas';
import { meQueryOptions } from '../api/get-me';
import type { TaskListFilters } from '../utils/task-view-rules';
import { resolveTaskListFilters } from '../utils/resolve-task-list-filters';
import { type ViewChoice, type ViewSearch, readViewSearch, viewSearchSchema } from '../utils/view-search';

export const VIEW_PATHS: Record<TaskView, '/inbox' | '/future' | '/archive'> = {
  inbox: '/inbox',
  future: '/future',
  archive: '/archive',
};

export function viewOfPath(pathname: string): TaskView {
  if (pathname.startsWith('/future')) return 'future';
  if (pathname.startsWith('/archive')) return 'archive';
  return 'inbox';
}

export function useCurrentView(): TaskView {
  return useLocation({ select: (l) => viewOfPath(l.pathname) });
}

export function useViewChoice(): ViewChoice {
  const search = useSearch({ strict: false }) as ViewSearch;
  return useMemo(
    () => readViewSearch({ types: search.types, assignee: search.assignee, tz: search.tz, due: search.due }),
    [search.types, search.assignee, search.tz, search.due],
  );
}

/**
 * The choice the URL asks for right now, before the new view has loaded: the filter controls show
 * it at once (a checkbox ticks on click), while the list keeps the loaded view until the next
 * one is ready.
 */
export function useRequestedViewChoice(): ViewChoice {
  const raw = useLocation({ select: (l) => l.search as Record<string, unknown> });
  const { types, assignee, tz, due } = viewSearchSchema.parse(raw ?? {});
  return useMemo(() => readViewSearch({ types, assignee, tz, due }), [types, assignee, tz, due]);
}

/** The current list's filters; null until the signed-in user is known (needed for "me"). */
export function useCurrentTaskFilters(view?: TaskView): TaskListFilters | null {
  const currentView = useCurrentView();
  const choice = useViewChoice();
  const me = useQuery(meQueryOptions());
  const meId = me.data?.id;
  const v = view ?? currentView;
  return useMemo(() => (meId ? resolveTaskListFilters(v, choice, meId) : null), [v, choice, meId]);
}
