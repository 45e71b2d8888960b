import { useQuery, useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Task } from '@/shared/close/schemas';
import { useShortcutLayer } from '@/lib/shortcuts/use-shortcut-layer';
import { meQueryOptions } from '../../api/get-me';
import { TASK_POLL_MS, taskKeys, taskQueries } from '../../api/task-keys';
import { useViewChoice } from '../../hooks/use-current-task-view';
import { resolveTaskListFilters } from '../../utils/resolve-task-list-filters';
import { useNow } from '../../hooks/use-now';
import { focusActions, registerTaskSource, useFocusActions, useTakesDomFocus } from '../../stores/focus-store';
import { selectionActions } from '../../stores/selection-store';
import { triageShortcuts } from '../../stores/shortcut-engine';
import { shortcutKeys } from '../../utils/shortcut-catalog';
import { queueProgress } from '../../utils/queue-progress';
import { flattenTaskPages } from '../../utils/task-pages';
import { taskTitle } from '../../utils/task-title';
import { TaskCardBody } from '../cards/task-card-body';
import { EmptyState } from '../empty-state';
import { PriorityBadge } from '../priority-badge';
import { SequenceStepBadge } from '../sequence-step-badge';
import { LARGE_ACTION_BUTTON, ShortcutButton, TaskActionButtons } from '../task-action-buttons';

const HINT = 'hidden pointer-fine:inline-flex';

/**
 * Queue mode: the inbox one task at a time, large, with its actions. Completing, snoozing,
 * reassigning or skipping moves on to the next; the progress reads "12 of 40"; the end is the
 * inbox-zero screen. The queue is the live inbox minus what was skipped, so a task that comes
 * back (an Undo, a failed change) is offered again, and new work joins at its place.
 */
export function QueuePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const choice = useViewChoice();
  const { data: me } = useSuspenseQuery(meQueryOptions());
  const filters = useMemo(() => resolveTaskListFilters('inbox', choice, me.id), [choice, me.id]);
  const list = useSuspenseInfiniteQuery({
    ...taskQueries.list(filters),
    refetchInterval: () => (queryClient.isMutating({ mutationKey: taskKeys.update() }) > 0 ? false : TASK_POLL_MS),
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey: taskKeys.update() }) === 0,
  });
  const count = useQuery(taskQueries.count(filters)).data;
  const nowMs = useNow();

  const [skipped, setSkipped] = useState<ReadonlySet<string>>(() => new Set());
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const tasks = useMemo(() => flattenTaskPages(list.data), [list.data]);
  const current = tasks.find((t) => !skipped.has(t.id)) ?? null;
  const currentId = current?.id ?? null;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    // Everything loaded was skipped: the next page holds the rest of the queue.
    if (!current && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [current, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    if (currentId && !seen.has(currentId)) setSeen((s) => new Set(s).add(currentId));
  }, [currentId, seen]);

  useEffect(() => selectionActions().selectionCleared(), []);

  // The keyboard acts on the task on screen, and it takes the browser's focus (so a screen reader
  // reads it) unless the user is elsewhere, e.g. in the filters.
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => registerTaskSource({ tasks: () => (currentRef.current ? [currentRef.current] : []), scrollTo: () => {} }), []);
  useLayoutEffect(() => {
    if (!currentId) {
      focusActions().focusCleared();
      return;
    }
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected || Boolean(active.closest('[data-queue]'));
    focusActions().taskFocusMoved(currentId, { dom: lost });
  }, [currentId]);

  const progress = queueProgress({ seen, skipped, loadedIds: tasks.map((t) => t.id), hasMore: hasNextPage, count });
  const { done } = progress;

  const skip = () => {
    const task = currentRef.current;
    if (!task) return false;
    setSkipped((s) => new Set(s).add(task.id));
  };
  const exit = () => void navigate({ to: '/inbox', search: (prev: Record<string, unknown>) => prev } as never);
  useShortcutLayer(triageShortcuts, [
    { keys: shortcutKeys('skip'), handler: skip },
    { keys: ['Escape'], handler: exit },
  ]);

  if (!current) {
    if (hasNextPage) {
      return (
        <p role="status" className="py-16 text-center text-sm text-slate-600 dark:text-slate-400">
          Loading more tasks…
        </p>
      );
    }
    return (
      <section aria-label="Queue" className="flex flex-col gap-4">
        <EmptyState view="inbox" filtered={false} />
        <p className="text-center text-sm text-slate-700 dark:text-slate-300">
          {done > 0 ? `You went through ${done.toLocaleString('en-US')} ${done === 1 ? 'task' : 'tasks'}` : 'Nothing to go through'}
          {skipped.size > 0 ? ` (${skipped.size.toLocaleString('en-US')} skipped, still in the inbox)` : ''}.{' '}
          <Link to="/inbox" search={(prev) => prev} className="font-medium text-sky-800 underline dark:text-sky-300">
            Back to the inbox
          </Link>
        </p>
      </section>
    );
  }

  const of = `${progress.total.toLocaleString('en-US')}${progress.capped ? '+' : ''}`;
  return (
    <section aria-label="Queue" className="flex flex-col gap-3" data-queue>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm font-medium text-slate-700 tabular-nums dark:text-slate-300" data-testid="queue-progress">
          {progress.position.toLocaleString('en-US')} of {of}
        </p>
        <progress
          aria-label="Queue progress"
          aria-valuetext={`Task ${progress.position} of ${of}`}
          className="h-2 min-w-24 flex-1 accent-sky-600"
          max={Math.max(1, progress.total)}
          value={progress.position - 1}
        />
        <Link
          to="/inbox"
          search={(prev) => prev}
          aria-keyshortcuts="Escape"
          className="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Exit queue
        </Link>
      </div>
      <p className="sr-only" aria-live="polite">
        Task {progress.position} of {of}: {taskTitle(current)}
      </p>
      <QueueTask key={current.id} task={current} timeZone={filters.timeZone} nowMs={nowMs} onSkip={skip} />
    </section>
  );
}

function QueueTask({ task, timeZone, nowMs, onSkip }: { task: Task; timeZone: string; nowMs: number; onSkip: () => void }) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const takesDomFocus = useTakesDomFocus(task.id);
  const { taskFocused, domFocusTaken } = useFocusActions();
  useLayoutEffect(() => {
    if (!takesDomFocus) return;
    ref.current?.focus();
    domFocusTaken(task.id);
  }, [takesDomFocus, task.id, domFocusTaken]);

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-task-id={task.id}
      onFocusCapture={() => taskFocused(task.id)}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={titleId} className="text-xl font-semibold break-words text-slate-900 dark:text-slate-50">
        {taskTitle(task)}
      </h2>
      <div className="mt-1 flex flex-wrap gap-2 empty:hidden">
        <PriorityBadge task={task} />
        <SequenceStepBadge task={task} />
      </div>
      <div className="mt-3 text-base">
        <TaskCardBody task={task} timeZone={timeZone} nowMs={nowMs} />
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <TaskActionButtons
          task={task}
          view="inbox"
          large
          hintClassName={HINT}
          after={
            <ShortcutButton command="skip" className={LARGE_ACTION_BUTTON} hintClassName={HINT} onClick={onSkip}>
              Skip
            </ShortcutButton>
          }
        />
      </div>
    </article>
  );
}
