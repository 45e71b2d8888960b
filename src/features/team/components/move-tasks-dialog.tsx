/**
 * "Move tasks": which (a slice, some types, the oldest N), to whom (one person, or spread evenly
 * over several, optionally evening out their loads), a preview of who gets how many and each
 * person's open count after, then Confirm. Loaded on demand (it brings react-aria along).
 */
import { useId, useState } from 'react';
import { TASK_TYPES, type TaskType } from '@/shared/close/schemas';
import { ModalDialog, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';
import { TASK_TYPE_LABELS } from '@/lib/task-type-labels';
import type { WorkloadCounts } from '../api/count-workload';
import type { TeamMember } from '../api/get-team';
import { type MoveProgress, useMoveTasks } from '../api/move-tasks';
import { openCount } from '../hooks/use-team-workloads';
import { deskActions } from '../stores/desk-store';
import { MOVE_SLICES, type MoveSlice, SLICE_LABELS, describeMove, loadBalancedShares, previewCounts, sliceCount } from '../utils/move-plan';
import { type SpreadTarget, planSpread } from '../utils/spread-tasks';

const FIELD = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const LEGEND = 'mb-1 text-sm font-semibold text-slate-800 dark:text-slate-100';
const OPTION = 'flex items-center gap-2 py-0.5 text-sm text-slate-800 dark:text-slate-200';

export type MoveDialogProps = {
  sources: TeamMember[];
  /** Everyone who can take tasks (active members). */
  members: readonly TeamMember[];
  counts: ReadonlyMap<string, WorkloadCounts>;
  initialSlice: MoveSlice;
  onClose: () => void;
};

/** Evenly, or (by load) each target's share of an even finish as its weight: the spread then gives exactly that share. */
function spreadTargetsFor(targetIds: readonly string[], total: number, byLoad: boolean, counts: ReadonlyMap<string, WorkloadCounts>): SpreadTarget[] {
  if (!byLoad || targetIds.length < 2 || total === 0) return targetIds.map((userId) => ({ userId }));
  return loadBalancedShares(total, targetIds.map((userId) => ({ userId, load: openCount(counts.get(userId)) }))).map((s) => ({ userId: s.userId, weight: s.count }));
}

function firstName(member: TeamMember | undefined): string {
  return member?.name.split(' ')[0] ?? 'Someone';
}

export default function MoveTasksDialog({ sources, members, counts, initialSlice, onClose }: MoveDialogProps) {
  const ids = useId();
  const [slice, setSlice] = useState<MoveSlice>(initialSlice);
  const [types, setTypes] = useState<TaskType[]>([]);
  const [oldestOnly, setOldestOnly] = useState(false);
  const [oldestN, setOldestN] = useState(50);
  const [spread, setSpread] = useState(false);
  const sourceIds = new Set(sources.map((s) => s.id));
  const candidates = members.filter((m) => !sourceIds.has(m.id));
  const [oneTarget, setOneTarget] = useState(candidates[0]?.id ?? '');
  const [spreadTargets, setSpreadTargets] = useState<string[]>([]);
  const [byLoad, setByLoad] = useState(false);
  const [progress, setProgress] = useState<MoveProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const move = useMoveTasks();

  const nameOf = (userId: string) => members.find((m) => m.id === userId) ?? sources.find((s) => s.id === userId);
  const limit = oldestOnly ? Math.max(1, Math.floor(oldestN) || 1) : null;
  // Counts by type are not known ahead: with types chosen the preview is an upper bound.
  const available = sources.map((s) => {
    const c = counts.get(s.id);
    const n = c ? sliceCount(c, slice) : 0;
    return { userId: s.id, count: limit === null ? n : Math.min(n, limit) };
  });
  const total = available.reduce((sum, a) => sum + a.count, 0);
  const targetIds = spread ? candidates.filter((c) => spreadTargets.includes(c.id)).map((c) => c.id) : oneTarget ? [oneTarget] : [];
  const targets = spreadTargetsFor(targetIds, total, byLoad, counts);
  // The same spread as Confirm's, over stand-in ids: the preview is exactly what will happen.
  const given = targets.length === 0 ? [] : planSpread(Array.from({ length: total }, (_, i) => String(i)), targets).map((g) => ({ userId: g.userId, count: g.taskIds.length }));
  const openCounts = new Map(members.concat(sources).map((m) => [m.id, openCount(counts.get(m.id))]));
  const preview = previewCounts(openCounts, available, given);
  const running = move.isPending;
  const canConfirm = !running && targets.length > 0 && total > 0;
  const upTo = types.length > 0 ? 'up to ' : '';

  const confirm = () => {
    setError(null);
    const description = `move ${SLICE_LABELS[slice].toLowerCase()} tasks of ${sources.map((s) => s.name).join(', ')}`;
    move.mutate(
      { sources: sources.map((s) => ({ userId: s.id, timeZone: s.timeZone })), slice, types, limit, targets, description, onProgress: setProgress },
      {
        onSuccess: (outcome) => {
          const byTarget = targetIds.map((userId) => ({ name: firstName(nameOf(userId)), count: outcome.moved.filter((t) => t.to === userId).length }));
          const problem = outcome.failed.length
            ? outcome.failed.map((f) => `${f.count} for ${firstName(nameOf(f.userId))} did not move: ${f.reason}`).join(' ')
            : null;
          deskActions().moveReported({
            message: describeMove(byTarget),
            problem,
            moved: outcome.moved,
            timeZone: sources[0]!.timeZone,
            label: description,
            undone: 'no',
          });
          onClose();
        },
        onError: (e) => setError(e.message),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <ModalDialog title={`Move tasks from ${sources.map((s) => s.name).join(', ')}`} isOpen onClose={running ? () => {} : onClose} width="max-w-xl">
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (canConfirm) confirm();
        }}
      >
        <fieldset disabled={running}>
          <legend className={LEGEND}>Which tasks</legend>
          <div className="flex flex-wrap gap-x-4">
            {MOVE_SLICES.map((s) => (
              <label key={s} className={OPTION}>
                <input type="radio" name={`${ids}-slice`} className="accent-sky-600" checked={slice === s} onChange={() => setSlice(s)} />
                {SLICE_LABELS[s]}
              </label>
            ))}
          </div>
          <details className="mt-1">
            <summary className="cursor-pointer text-sm text-sky-800 dark:text-sky-300">
              Types: {types.length === 0 ? 'all' : types.map((t) => TASK_TYPE_LABELS[t]).join(', ')}
            </summary>
            <div className="mt-1 grid grid-cols-2 gap-x-4">
              {TASK_TYPES.map((t) => (
                <label key={t} className={OPTION}>
                  <input
                    type="checkbox"
                    className="accent-sky-600"
                    checked={types.includes(t)}
                    onChange={() => setTypes((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : TASK_TYPES.filter((x) => x === t || prev.includes(x))))}
                  />
                  {TASK_TYPE_LABELS[t]}
                </label>
              ))}
            </div>
          </details>
          <div className="mt-1 flex items-center gap-2">
            <label className={OPTION}>
              <input type="checkbox" className="accent-sky-600" checked={oldestOnly} onChange={(e) => setOldestOnly(e.target.checked)} />
              Only the oldest
            </label>
            <input
              type="number"
              min={1}
              aria-label="How many of the oldest tasks (per person)"
              className={`${FIELD} w-24`}
              value={oldestN}
              disabled={!oldestOnly}
              onChange={(e) => setOldestN(Number(e.target.value))}
            />
          </div>
        </fieldset>

        <fieldset disabled={running}>
          <legend className={LEGEND}>To whom</legend>
          <label className={OPTION}>
            <input type="radio" name={`${ids}-mode`} className="accent-sky-600" checked={!spread} onChange={() => setSpread(false)} />
            One person
          </label>
          {!spread ? (
            <select aria-label="Move to" className={`${FIELD} ml-6`} value={oneTarget} onChange={(e) => setOneTarget(e.target.value)}>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          ) : null}
          <label className={OPTION}>
            <input type="radio" name={`${ids}-mode`} className="accent-sky-600" checked={spread} onChange={() => setSpread(true)} />
            Spread evenly over
          </label>
          {spread ? (
            <div className="ml-6">
              <div role="group" aria-label="People to spread over" className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
                {candidates.map((c) => (
                  <label key={c.id} className={OPTION}>
                    <input
                      type="checkbox"
                      className="accent-sky-600"
                      checked={spreadTargets.includes(c.id)}
                      onChange={() => setSpreadTargets((prev) => (prev.includes(c.id) ? prev.filter((x) => x !== c.id) : [...prev, c.id]))}
                    />
                    {c.name}
                  </label>
                ))}
              </div>
              <label className={`${OPTION} mt-1`}>
                <input type="checkbox" className="accent-sky-600" checked={byLoad} onChange={(e) => setByLoad(e.target.checked)} />
                Weighted by current load (fewer open tasks, more new ones)
              </label>
            </div>
          ) : null}
        </fieldset>

        <section aria-labelledby={`${ids}-preview`} className="rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
          <h3 id={`${ids}-preview`} className="text-sm font-semibold text-slate-800 dark:text-slate-100">
            Preview: {upTo}
            {total.toLocaleString('en-US')} {total === 1 ? 'task' : 'tasks'}
          </h3>
          {preview.length > 0 && targets.length > 0 ? (
            <table className="mt-1 w-full text-sm">
              <caption className="sr-only">Open tasks per person before and after the move</caption>
              <thead>
                <tr className="text-left text-xs text-slate-600 dark:text-slate-300">
                  <th scope="col">Person</th>
                  <th scope="col" className="text-right">Change</th>
                  <th scope="col" className="text-right">Open now</th>
                  <th scope="col" className="text-right">Open after</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((row) => (
                  <tr key={row.userId} data-testid="preview-row">
                    <th scope="row" className="text-left font-normal">
                      {nameOf(row.userId)?.name ?? row.userId}
                    </th>
                    <td className="text-right tabular-nums">{row.change > 0 ? `+${row.change}` : row.change < 0 ? `−${-row.change}` : '0'}</td>
                    <td className="text-right tabular-nums">{row.before}</td>
                    <td className="text-right tabular-nums">{row.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{targets.length === 0 ? 'Choose who gets them.' : 'Nothing to move.'}</p>
          )}
        </section>

        <div role="status" className="min-h-5 text-sm text-slate-700 dark:text-slate-200">
          {progress?.phase === 'finding' ? `Finding the tasks… ${progress.found}` : null}
          {progress?.phase === 'moving' ? (
            <span className="flex items-center gap-2">
              Moving… {progress.done} of {progress.total}
              <progress max={progress.total || 1} value={progress.done} aria-label="Moving tasks" className="h-2 flex-1" />
            </span>
          ) : null}
        </div>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Nothing was moved: {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose} disabled={running}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON} disabled={!canConfirm}>
            {running ? 'Moving…' : 'Confirm'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
