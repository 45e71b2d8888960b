/**
 * The manager's desk: the team's workload at a glance (a table, and the same numbers as a chart),
 * the open tasks of people who left ("Needs a new owner"), and moving tasks between people.
 */
import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import type { TeamMember } from '../api/get-team';
import { teamQueryOptions } from '../api/get-team';
import { useMinuteClock } from '../hooks/use-minute-clock';
import { type TeamWorkloads, openCount, useTeamWorkloads } from '../hooks/use-team-workloads';
import { useWorkloadRefresh } from '../hooks/use-workload-refresh';
import { deskActions, useMoveFrom, useSelectedRows } from '../stores/desk-store';
import { MoveReport } from './move-report';
import { WorkloadChart } from './workload-chart';
import type { DeskSort } from '../utils/desk-sort';
import { WorkloadTable, sortMembers } from './workload-table';

const MoveTasksDialog = lazy(() => import('./move-tasks-dialog'));

const BUTTON =
  'inline-flex h-9 items-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';

function CountingProgress({ workloads }: { workloads: TeamWorkloads }) {
  const { counted, total, failed } = workloads;
  const finished = counted + failed.size >= total;
  return (
    <p role="status" className="text-sm text-slate-600 dark:text-slate-400" data-testid="counting-progress">
      {finished ? `Counted ${counted} of ${total}` : `Counting… ${counted} of ${total}`}
      {failed.size > 0 ? ` (${failed.size} could not be counted)` : ''}
      {!finished ? <progress max={total} value={counted} aria-hidden="true" className="ml-2 h-1.5 w-24 align-middle" /> : null}
    </p>
  );
}

function NeedsNewOwner({ inactive, workloads }: { inactive: readonly TeamMember[]; workloads: TeamWorkloads }) {
  const withTasks = inactive.filter((m) => openCount(workloads.byUser.get(m.id)) > 0);
  if (withTasks.length === 0) return null;
  return (
    <section aria-labelledby="needs-owner-heading" className="mt-6">
      <h3 id="needs-owner-heading" className="text-base font-semibold text-slate-900 dark:text-slate-100">
        Needs a new owner
      </h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">Open tasks of people no longer active in the organization.</p>
      <ul className="mt-2 flex flex-col gap-2">
        {withTasks.map((m) => (
          <li key={m.id} data-user-id={m.id} className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950">
            <span className="flex-1 text-slate-900 dark:text-slate-100">
              {m.name}: {openCount(workloads.byUser.get(m.id))} open tasks
            </span>
            <button type="button" aria-haspopup="dialog" className={BUTTON} onClick={() => deskActions().moveOpened([m.id], 'open')}>
              Move<span className="sr-only"> {m.name}'s tasks</span>…
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function TeamDeskPage({ sort }: { sort: DeskSort }) {
  const team = useSuspenseQuery(teamQueryOptions()).data;
  const active = useTeamWorkloads(team.active);
  const inactive = useTeamWorkloads(team.inactive);
  const now = useMinuteClock();
  const selected = useSelectedRows();
  const moveFrom = useMoveFrom();
  useWorkloadRefresh();

  const everyone = [...team.active, ...team.inactive];
  const counts = new Map([...active.byUser, ...inactive.byUser]);
  const sources = moveFrom ? everyone.filter((m) => moveFrom.userIds.includes(m.id)) : [];

  return (
    <section aria-labelledby="team-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="team-heading" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
          Team
        </h2>
        <CountingProgress workloads={active} />
        <button
          type="button"
          aria-haspopup="dialog"
          className={`${BUTTON} ml-auto`}
          disabled={selected.size === 0}
          onClick={() => deskActions().moveOpened(team.active.filter((m) => selected.has(m.id)).map((m) => m.id))}
        >
          Move from {selected.size} selected…
        </button>
      </div>
      <MoveReport />
      <div className="flex flex-wrap items-start gap-4">
        <div className="min-w-0 flex-[2_1_36rem]">
          <WorkloadTable members={team.active} workloads={active} now={now} sort={sort} />
        </div>
        <WorkloadChart members={sortMembers(team.active, active, sort)} workloads={active} />
      </div>
      <NeedsNewOwner inactive={team.inactive} workloads={inactive} />
      {moveFrom && sources.length > 0 ? (
        <Suspense fallback={null}>
          <MoveTasksDialog
            key={moveFrom.userIds.join(',')}
            sources={sources}
            members={team.active}
            counts={counts}
            initialSlice={moveFrom.slice}
            onClose={() => deskActions().moveClosed()}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
