/**
 * The desk's table: a row per active member with their zone and local time and their counts,
 * each counted in their own zone, each a link to that slice of their inbox in their zone.
 * Keyboard: ↑/↓ move between rows (staying in the same column), Enter follows a link, `m` opens
 * Move tasks for the row, `x` selects it. The table scrolls sideways in its own region on a
 * narrow screen; the region is positioned so that the cells' visually hidden text (absolutely
 * positioned) scrolls with it instead of widening the page.
 */
import { Link } from '@tanstack/react-router';
import type { KeyboardEvent } from 'react';
import type { WorkloadCounts } from '../api/count-workload';
import type { TeamMember } from '../api/get-team';
import { deskActions, useSelectedRows } from '../stores/desk-store';
import type { TeamWorkloads } from '../hooks/use-team-workloads';
import type { MoveSlice } from '../utils/move-plan';
import type { DeskSort } from '../utils/desk-sort';
import { zoneAndTime } from '../utils/zone-label';
import { ZoneSelect } from './zone-select';

const CELL = 'px-3 py-2 text-right tabular-nums whitespace-nowrap';
const LINK =
  'rounded text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-sky-300';
const BUTTON =
  'inline-flex h-8 items-center rounded-md border border-slate-300 px-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';

/** `due`: the inbox's slice that lists exactly the tasks the count counted. */
type Column = { key: keyof WorkloadCounts; label: string; to: '/inbox' | '/future' | '/archive'; due?: 'overdue' | 'today'; slice: MoveSlice | null };

export const COLUMNS: readonly Column[] = [
  { key: 'overdue', label: 'Overdue', to: '/inbox', due: 'overdue', slice: 'overdue' },
  { key: 'today', label: 'Today', to: '/inbox', due: 'today', slice: 'today' },
  { key: 'future', label: 'Future', to: '/future', slice: 'future' },
  { key: 'doneLast7Days', label: 'Done (7 days)', to: '/archive', slice: null },
];


/** Members in the chosen order: by name, or by a count (most first, uncounted last). */
export function sortMembers(members: readonly TeamMember[], workloads: TeamWorkloads, sort: DeskSort): TeamMember[] {
  if (sort === 'name') return [...members];
  const value = (m: TeamMember) => workloads.byUser.get(m.id)?.[sort] ?? -1;
  return [...members].sort((a, b) => value(b) - value(a));
}

/** The focusable element in the same column of the next (or previous) row. */
function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>, delta: number): boolean {
  const target = event.target as HTMLElement;
  const cell = target.closest('td, th');
  const row = target.closest('tr');
  if (!cell || !row) return false;
  const rows = [...event.currentTarget.rows];
  const next = rows[rows.indexOf(row as HTMLTableRowElement) + delta];
  if (!next) return true;
  const column = [...row.children].indexOf(cell);
  const into = next.children[column]?.querySelector<HTMLElement>('a, button, input, select') ?? next.querySelector<HTMLElement>('a');
  into?.focus();
  return true;
}

export function WorkloadTable({ members, workloads, now, sort }: { members: readonly TeamMember[]; workloads: TeamWorkloads; now: number; sort: DeskSort }) {
  const selected = useSelectedRows();
  const rows = sortMembers(members, workloads, sort);
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // A select keeps its arrows for its own options.
    if (target.tagName === 'SELECT') return;
    const userId = target.closest('tr')?.dataset.userId;
    let handled = false;
    if (event.key === 'ArrowDown') handled = moveFocus(event, 1);
    else if (event.key === 'ArrowUp') handled = moveFocus(event, -1);
    else if ((event.key === 'm' || event.key === 'M') && userId && !event.shiftKey) {
      deskActions().moveOpened(selected.has(userId) && selected.size > 1 ? [...selected] : [userId]);
      handled = true;
    } else if (event.key === 'x' && userId && target.tagName !== 'INPUT') {
      deskActions().rowToggled(userId);
      handled = true;
    }
    if (!handled) return;
    // The app's own shortcuts (↑/↓ walk tasks) have nothing to do here.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div role="region" aria-labelledby="workload-caption" tabIndex={0} className="relative max-w-full overflow-x-auto rounded-lg border border-slate-200 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-800">
      <table className="w-full border-collapse text-sm">
        <caption id="workload-caption" className="px-3 py-2 text-left text-sm text-slate-600 dark:text-slate-400">
          Open tasks per person, each counted in that person's own time zone. ↑/↓ move between rows, <kbd>m</kbd> moves a
          person's tasks.
        </caption>
        <thead className="bg-slate-50 text-xs font-semibold text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Selected</span>
            </th>
            <th scope="col" className="px-3 py-2 text-left" aria-sort={sort === 'name' ? 'ascending' : undefined}>
              <SortLink sort="name" current={sort}>
                Person
              </SortLink>
            </th>
            <th scope="col" className="px-3 py-2 text-left">
              Time zone
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="px-3 py-2 text-right whitespace-nowrap" aria-sort={sort === c.key ? 'descending' : undefined}>
                <SortLink sort={c.key} current={sort}>
                  {c.label}
                </SortLink>
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((m) => (
            <WorkloadRow key={m.id} member={m} counts={workloads.byUser.get(m.id)} failure={workloads.failed.get(m.id)} selected={selected.has(m.id)} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortLink({ sort, current, children }: { sort: DeskSort; current: DeskSort; children: string }) {
  return (
    <Link to="/team" search={{ sort: sort === 'name' ? undefined : sort }} replace className="rounded uppercase hover:underline focus-visible:outline-2 focus-visible:outline-sky-600">
      {children}
      {current === sort ? <span aria-hidden="true"> {sort === 'name' ? '▲' : '▼'}</span> : null}
      <span className="sr-only">{current === sort ? '' : `, sort by ${children.toLowerCase()}`}</span>
    </Link>
  );
}

function WorkloadRow({
  member,
  counts,
  failure,
  selected,
  now,
}: {
  member: TeamMember;
  counts: WorkloadCounts | undefined;
  failure: string | undefined;
  selected: boolean;
  now: number;
}) {
  const search = { assignee: member.id, tz: member.timeZone };
  return (
    <tr data-user-id={member.id} data-selected={selected || undefined} className="border-t border-slate-200 data-selected:bg-sky-50 dark:border-slate-800 dark:data-selected:bg-sky-950">
      <td className="px-3 py-2 text-center">
        <input
          type="checkbox"
          className="size-4 accent-sky-600"
          checked={selected}
          onChange={() => deskActions().rowToggled(member.id)}
          aria-label={`Select ${member.name}`}
        />
      </td>
      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
        <Link to="/inbox" search={search} className={LINK} aria-keyshortcuts="M">
          {member.name}
        </Link>
      </th>
      <td className="px-3 py-2 whitespace-nowrap">
        <div className="flex items-center gap-2">
          <span data-testid="local-time">{zoneAndTime(member.timeZone, now)}</span>
          <ZoneSelect member={member} />
        </div>
      </td>
      {COLUMNS.map((c) => (
        <td key={c.key} className={CELL} data-column={c.key}>
          {counts ? (
            <Link to={c.to} search={c.due ? { ...search, due: c.due } : search} className={LINK} aria-label={`${counts[c.key]} ${c.label.toLowerCase()} for ${member.name}`}>
              {counts[c.key].toLocaleString('en-US')}
            </Link>
          ) : failure ? (
            <span className="text-red-700 dark:text-red-300" title={failure}>
              –<span className="sr-only">not counted: {failure}</span>
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">
              …<span className="sr-only">counting</span>
            </span>
          )}
        </td>
      ))}
      <td className="px-3 py-2 text-right">
        <button type="button" aria-haspopup="dialog" className={BUTTON} onClick={() => deskActions().moveOpened([member.id])}>
          Move<span className="sr-only"> {member.name}'s tasks</span>…
        </button>
      </td>
    </tr>
  );
}
