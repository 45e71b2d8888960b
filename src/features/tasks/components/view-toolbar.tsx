import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useId } from 'react';
import { TASK_TYPES, type TaskType } from '@/shared/close/schemas';
import { browserTimeZone, formatZoneOffset } from '@/shared/close/zones';
import { ShortcutHint } from '@/components/shortcut-hint';
import { useCapabilities } from '@/lib/capabilities';
import { useDisclosureDismissal } from '@/components/ui/use-disclosure-dismissal';
import { useAfterFirstViewShown, useFirstViewLoaded } from '@/components/use-after-first-view';
import { meQueryOptions } from '../api/get-me';
import { userDisplayName, usersQueryOptions } from '../api/list-users';
import { useRequestedViewChoice } from '../hooks/use-current-task-view';
import { useTaskActions } from '../hooks/use-task-actions';
import { PriorityFilterSelect } from './priority-filter-select';
import { DueSliceChip } from './due-slice-chip';
import { useTypeFilterActions, useTypeFilterFocusInside, useTypeFilterOpen } from '../stores/type-filter-store';
import { TASK_TYPE_LABELS, describeTypes } from '@/lib/task-type-labels';
import { ASSIGNEE_EVERYONE, ASSIGNEE_ME, type ViewChoice, type ViewSearch, viewSearchOf } from '../utils/view-search';

const COMMON_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

const CONTROL =
  'h-9 max-w-full min-w-0 truncate rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

function useChangeView() {
  const navigate = useNavigate();
  return (change: Partial<ViewChoice>, current: ViewChoice) => {
    const next = viewSearchOf({ ...current, ...change });
    void navigate({ to: '.', search: (prev: ViewSearch) => ({ ...prev, ...next }) } as never);
  };
}

/**
 * Filters for the view (types, whose tasks, which zone) and "New task". Every choice lives in the
 * URL, so the view can be shared or bookmarked. The always-visible controls are native elements:
 * accessible as they are, and no script weight before the first paint.
 */
export function ViewToolbar() {
  const choice = useRequestedViewChoice();
  const changeView = useChangeView();
  const actions = useTaskActions();
  const isInbox = useLocation({ select: (l) => l.pathname.startsWith('/inbox') });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex min-w-0 flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <TypeFilter types={choice.types} onChange={(types) => changeView({ types }, choice)} />
        <PriorityFilterSelect className={CONTROL} />
        <DueSliceChip />
        <AssigneeSelect value={choice.assignee} onChange={(assignee) => changeView({ assignee }, choice)} />
        <TimeZoneSelect value={choice.timeZone} onChange={(timeZone) => changeView({ timeZone }, choice)} />
      </div>
      <div className="ml-auto flex items-center gap-2">
        {isInbox ? (
          <Link
            to="/queue"
            search={(prev) => prev}
            aria-keyshortcuts="Q"
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            Start
            <ShortcutHint keys="q" className="hidden pointer-fine:sm:inline-flex" />
          </Link>
        ) : null}
        <button
          type="button"
          aria-haspopup="dialog"
          aria-keyshortcuts="C"
          onClick={actions.openNewTask}
          className="inline-flex h-9 items-center gap-1.5 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
        >
          New task
          <ShortcutHint keys="c" className="hidden pointer-fine:sm:inline-flex [&_kbd]:border-sky-500 [&_kbd]:bg-sky-800 [&_kbd]:text-white" />
        </button>
      </div>
    </div>
  );
}

function AssigneeSelect({ value, onChange }: { value: string; onChange: (assignee: string) => void }) {
  // "Me" and "Everyone" need no request; the other people follow the first view's list.
  const users = useQuery({ ...usersQueryOptions(), enabled: useFirstViewLoaded() }).data ?? [];
  const me = useQuery(meQueryOptions()).data;
  const known = value === ASSIGNEE_ME || value === ASSIGNEE_EVERYONE || users.some((u) => u.id === value);
  return (
    <select aria-label="Assignee" className={CONTROL} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={ASSIGNEE_ME}>{me ? `Me (${userDisplayName(me)})` : 'Me'}</option>
      <option value={ASSIGNEE_EVERYONE}>Everyone</option>
      {users
        .filter((u) => u.id !== me?.id)
        .map((u) => (
          <option key={u.id} value={u.id}>
            {userDisplayName(u)}
          </option>
        ))}
      {!known ? <option value={value}>{users.length ? 'Unknown user' : 'Loading…'}</option> : null}
    </select>
  );
}

function TimeZoneSelect({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const browser = browserTimeZone();
  // Each offset costs the browser a time zone lookup, a dozen of them on the first render: until
  // the first view is on screen only the chosen zone (all a closed select shows) is listed.
  const zones = useAfterFirstViewShown() ? [...new Set([browser, ...COMMON_ZONES, value])] : [value];
  return (
    <select aria-label="Time zone" className={CONTROL} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, ' ')} ({formatZoneOffset(zone)}){zone === browser ? ' · this device' : ''}
        </option>
      ))}
    </select>
  );
}

/** A disclosure with one checkbox per type; no box checked means every type. */
function TypeFilter({ types, onChange }: { types: readonly TaskType[]; onChange: (types: TaskType[]) => void }) {
  const open = useTypeFilterOpen();
  const focusInside = useTypeFilterFocusInside();
  const { typeFilterToggled, focusMovedInside } = useTypeFilterActions();
  const setOpen = (next: boolean | ((open: boolean) => boolean)) => typeFilterToggled(typeof next === 'function' ? next(open) : next);
  const panelId = useId();
  // The types this backend has; every type of the contract until that is known.
  const offered = useCapabilities()?.taskTypes ?? TASK_TYPES;
  const close = useCallback(() => typeFilterToggled(false), [typeFilterToggled]);
  const { rootRef, buttonRef, onKeyDown } = useDisclosureDismissal(open, close);

  // `/` opened the panel: start on its first box, so the keyboard can pick types at once.
  useEffect(() => {
    if (!open || !focusInside) return;
    rootRef.current?.querySelector<HTMLInputElement>(`#${CSS.escape(panelId)} input`)?.focus();
    focusMovedInside();
  }, [open, focusInside, panelId, focusMovedInside, rootRef]);

  const toggle = (type: TaskType) =>
    onChange(types.includes(type) ? types.filter((t) => t !== type) : TASK_TYPES.filter((t) => t === type || types.includes(t)));

  return (
    <div ref={rootRef} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-keyshortcuts="/"
        onClick={() => setOpen((o) => !o)}
        className={`${CONTROL} inline-flex items-center gap-1`}
      >
        <span className="text-slate-600 dark:text-slate-400">Types:</span> {describeTypes(types)}
        <span aria-hidden="true">▾</span>
        <ShortcutHint keys="/" className="hidden pointer-fine:sm:inline-flex" />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute left-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <fieldset>
          <legend className="px-1 pb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">Task types</legend>
          {offered.map((type) => (
            <label key={type} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <input type="checkbox" className="size-4 accent-sky-600" checked={types.includes(type)} onChange={() => toggle(type)} />
              {TASK_TYPE_LABELS[type]}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          disabled={types.length === 0}
          onClick={() => onChange([])}
          className="mt-1 w-full rounded px-1 py-1 text-left text-sm font-medium text-sky-800 hover:bg-sky-50 disabled:text-slate-400 dark:text-sky-300 dark:hover:bg-sky-950"
        >
          Show all types
        </button>
      </div>
    </div>
  );
}
