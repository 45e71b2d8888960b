import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { TASK_VIEWS, type TaskView } from '@/shared/close/schemas';
import { useFirstViewLoaded } from '@/components/use-after-first-view';
import { meQueryOptions } from '../api/get-me';
import type { TaskCount } from '../api/list-tasks';
import { TASK_POLL_MS, taskQueries } from '../api/task-keys';
import { VIEW_PATHS, useCurrentView, useViewChoice } from '../hooks/use-current-task-view';
import { resolveTaskListFilters } from '../utils/resolve-task-list-filters';
import { countLabel } from '../utils/count-label';
import type { ViewChoice } from '../utils/view-search';

const LABELS: Record<TaskView, string> = { inbox: 'Inbox', future: 'Future', archive: 'Archive' };

/** "312", or "1,000+" past the counting cap. */
export function formatCount(count: TaskCount): string {
  return countLabel(count.count, count.capped);
}

function TabCount({ view, choice }: { view: TaskView; choice: ViewChoice }) {
  const me = useQuery(meQueryOptions()).data;
  // Up to 15 requests for the three counts: they wait for the first view's list, or a slow cold
  // load (skeleton showing) would have the server answer them ahead of it.
  const firstViewLoaded = useFirstViewLoaded();
  const count = useQuery({
    ...taskQueries.count(resolveTaskListFilters(view, choice, me?.id ?? '')),
    enabled: Boolean(me) && firstViewLoaded,
    refetchInterval: TASK_POLL_MS,
  }).data;
  // Reserves its width while loading, so the tabs do not shift when counts arrive.
  return (
    <span
      className="inline-block min-w-[2.5ch] rounded-full bg-slate-200 px-1.5 text-center text-xs tabular-nums text-slate-700 group-aria-[current=page]:bg-sky-100 group-aria-[current=page]:text-sky-900 dark:bg-slate-800 dark:text-slate-200 dark:group-aria-[current=page]:bg-sky-900 dark:group-aria-[current=page]:text-sky-100"
      data-testid={`count-${view}`}
    >
      {count ? formatCount(count) : '\u00a0'}
    </span>
  );
}

/**
 * Inbox / Future / Archive, each with its count; the search params (filters, zone) carry over.
 * `inView`: false on a page that is not a task view (none of them is current).
 */
export function ViewTabs({ inView = true }: { inView?: boolean }) {
  const current = useCurrentView();
  const choice = useViewChoice();
  // A tab names a whole view: its count and its link leave the inbox's `due` slice out.
  const wholeView = useMemo(() => ({ ...choice, due: undefined }), [choice]);
  return (
    <nav aria-label="Views" className="flex gap-1">
      {TASK_VIEWS.map((view) => (
        <Link
          key={view}
          to={VIEW_PATHS[view]}
          search={(prev) => ({ ...prev, due: undefined })}
          aria-current={inView && current === view ? 'page' : undefined}
          className="group inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-sky-50 aria-[current=page]:text-sky-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-100"
        >
          {LABELS[view]}
          <TabCount view={view} choice={wholeView} />
        </Link>
      ))}
    </nav>
  );
}
