/**
 * The actions on many tasks: on the selection (by ids), or on every task of a view after its
 * preview (one request with the view's filters). Each shows progress when large and records one
 * Undo for all. The returned object never changes identity: it reads the latest mutation through
 * a ref.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { type BulkUpdateVariables, useBulkUpdateTasks } from '../api/bulk-update-tasks';
import type { TaskSnapshot } from '../api/list-tasks';
import { type TaskRestore, restoreOf } from '../api/restore-tasks';
import { type TaskChange, loadedTasks } from '../api/task-cache';
import { taskKeys } from '../api/task-keys';
import { bulkProgressChanged } from '../stores/bulk-progress-store';
import { dialogActions } from '../stores/dialog-store';
import { selectionActions, selectionSnapshot } from '../stores/selection-store';
import { type BulkPlan, bulkSummary, bulkUndoLabel, bulkVerb, changedFields, planChanges } from '../utils/bulk-plan';
import { type TaskPages, flattenTaskPages } from '../utils/task-pages';
import type { TaskListFilters } from '../utils/task-view-rules';
import type { Assignee } from './use-single-task-actions';
import type { TaskUndo } from './use-task-undo';

export type BulkTaskActions = {
  /** The selection: complete (inbox, future) or reopen (archive), reassign, snooze. */
  completeSelection: () => void;
  reopenSelection: () => void;
  reassignSelection: (user: Assignee) => void;
  snoozeSelection: (date: string) => void;
  /** After the preview of "all N matching": one request with the view's filters. */
  applyPlanToView: (plan: BulkPlan, preview: readonly TaskSnapshot[], filters: TaskListFilters) => Promise<void>;
};

const noop = () => {};
/** Bulk changes larger than this show a progress bar. */
const BULK_PROGRESS_FROM = 200;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `zone` answers the zone the user looks in at the moment of the action. */
export function useBulkTaskActions(undo: TaskUndo, zone: () => string): BulkTaskActions {
  const queryClient = useQueryClient();
  const bulkUpdate = useBulkUpdateTasks();
  const latest = useRef({ bulkUpdate, zone });
  latest.current = { bulkUpdate, zone };

  return useMemo<BulkTaskActions>(() => {
    const runBulk = (plan: BulkPlan, vars: Omit<BulkUpdateVariables, 'description' | 'onProgress'>, count: number) => {
      const verb = bulkVerb(plan, count);
      const showProgress = count > BULK_PROGRESS_FROM;
      const progress = (done: number, total: number) => bulkProgressChanged({ label: `${capitalize(verb)}…`, done, total });
      if (showProgress) progress(0, count);
      return latest.current.bulkUpdate
        .mutateAsync({ ...vars, description: verb, onProgress: showProgress ? progress : undefined })
        .then((updated) => {
          undo.record(
            { label: bulkUndoLabel(plan, updated), restore: vars.previous, changes: vars.optimistic, timeZone: vars.timeZone },
            bulkSummary(plan, updated, vars.timeZone),
          );
        })
        .catch(noop)
        .finally(() => {
          if (showProgress) bulkProgressChanged(null);
        });
    };

    const selectionPlan = (plan: BulkPlan) => {
      const { ids, allMatching } = selectionSnapshot();
      if (allMatching) {
        dialogActions().dialogOpened({ kind: 'bulk-preview', plan });
        return;
      }
      if (ids.size === 0) return;
      const timeZone = latest.current.zone();
      const { changes, patch } = planChanges(plan);
      const known = loadedTasks(queryClient, ids);
      const previous: TaskRestore[] = [...known.values()].map((t) => restoreOf(t, changedFields(changes)));
      const optimistic: TaskChange[] = [...known.values()].map((t) => ({ before: t, after: { ...t, ...patch } }));
      selectionActions().selectionCleared();
      void runBulk(plan, { target: { kind: 'ids', ids: [...ids] }, changes, previous, optimistic, timeZone }, ids.size);
    };

    return {
      completeSelection: () => selectionPlan({ action: 'complete' }),
      reopenSelection: () => selectionPlan({ action: 'reopen' }),
      reassignSelection: (user) => selectionPlan({ action: 'reassign', userId: user.id, userName: user.name }),
      snoozeSelection: (date) => selectionPlan({ action: 'snooze', date }),
      applyPlanToView: async (plan, preview, viewFilters) => {
        if (preview.length === 0) return;
        const { changes, patch } = planChanges(plan);
        const list = queryClient.getQueryData<TaskPages>(taskKeys.list(viewFilters));
        const optimistic: TaskChange[] = flattenTaskPages(list).map((t) => ({ before: t, after: { ...t, ...patch } }));
        const fields = changedFields(changes);
        const previous = preview.map((s) => restoreOf(s, fields));
        const createdBefore = preview.reduce((max, s) => (s.date_created > max ? s.date_created : max), preview[0]!.date_created);
        selectionActions().selectionCleared();
        await runBulk(plan, { target: { kind: 'view', filters: viewFilters, createdBefore }, changes, previous, optimistic, timeZone: viewFilters.timeZone }, preview.length);
      },
    };
  }, [queryClient, undo]);
}
