/**
 * Every task action, for one task or for the selection, behind one stable object. Buttons, the
 * bulk bar, dialogs and (later) keyboard shortcuts all call these, so they behave the same.
 * The provider sits in the app shell: an action outlives the card that started it (a completed
 * card unmounts at once), so its Undo toast and its error still appear.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useMemo, useRef } from 'react';
import type { Task } from '@/shared/close/schemas';
import { browserTimeZone } from '@/lib/time-zone-offset';
import { UNDO_TOAST_MS, toastActions } from '@/components/toast/toast-store';
import { type BulkUpdateVariables, useBulkUpdateTasks } from '../api/bulk-update-tasks';
import { useCompleteTask } from '../api/complete-task';
import type { TaskSnapshot } from '../api/list-tasks';
import type { BulkChanges } from '../api/put-tasks';
import { useReassignTask } from '../api/reassign-task';
import { useReopenTask } from '../api/reopen-task';
import { type TaskRestore, restoreOf, useRestoreTasks } from '../api/restore-tasks';
import { useSnoozeTask } from '../api/snooze-task';
import { type TaskChange, loadedTasks } from '../api/task-cache';
import { taskKeys } from '../api/task-keys';
import { useUpdateTaskText } from '../api/update-task-text';
import { taskOutbox } from '../outbox/task-outbox';
import { bulkProgressChanged } from '../stores/bulk-progress-store';
import { type ActionTarget, type BulkPlan, dialogActions } from '../stores/dialog-store';
import { handFocusOnBeforeRemoval } from '../stores/focus-store';
import { selectionActions, selectionSnapshot } from '../stores/selection-store';
import { type UndoEntry, latestUndoEntry, undoActions } from '../stores/undo-store';
import { describeDate } from '../utils/describe-date';
import { type TaskPages, flattenTaskPages } from '../utils/task-pages';
import { taskTitle } from '../utils/task-title';
import type { TaskListFilters } from '../utils/task-view-rules';
import { useCurrentTaskFilters, useViewChoice } from './use-current-task-view';

export type Assignee = { id: string; name: string };

export type TaskActions = {
  complete: (task: Task) => void;
  reopen: (task: Task) => void;
  snooze: (task: Task, date: string) => void;
  reassign: (task: Task, user: Assignee) => void;
  editText: (task: Task, text: string) => Promise<boolean>;
  /** The selection: complete (inbox, future) or reopen (archive), reassign, snooze. */
  completeSelection: () => void;
  reopenSelection: () => void;
  reassignSelection: (user: Assignee) => void;
  snoozeSelection: (date: string) => void;
  /** After the preview of "all N matching": one request with the view's filters. */
  applyPlanToView: (plan: BulkPlan, preview: readonly TaskSnapshot[], filters: TaskListFilters) => Promise<void>;
  /** A task the new-task form created: says so, with an Undo that deletes it again. */
  taskCreated: (task: Task, timeZone: string) => void;
  /** The most recent action, or a given one (from its toast). */
  undo: (entryId?: string) => void;
  openSnooze: (target: ActionTarget) => void;
  openReassign: (target: ActionTarget) => void;
  openNewTask: () => void;
};

const TaskActionsContext = createContext<TaskActions | null>(null);

export function useTaskActions(): TaskActions {
  const actions = useContext(TaskActionsContext);
  if (!actions) throw new Error('useTaskActions must be used inside <TaskActionsProvider>');
  return actions;
}

const noop = () => {};
/** Bulk changes larger than this show a progress bar. */
const BULK_PROGRESS_FROM = 200;
let undoSeq = 0;
/** Undo entry id → the outbox id of its change, while the change may still be waiting to be sent. */
const queuedChanges = new Map<string, string>();

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function fieldsOf(changes: BulkChanges): Array<'is_complete' | 'assigned_to' | 'date'> {
  return (['is_complete', 'assigned_to', 'date'] as const).filter((f) => f in changes);
}

function changesOfPlan(plan: BulkPlan): { changes: BulkChanges; patch: Partial<Task> } {
  switch (plan.action) {
    case 'complete':
      return { changes: { is_complete: true }, patch: { is_complete: true } };
    case 'reopen':
      return { changes: { is_complete: false }, patch: { is_complete: false } };
    case 'reassign':
      return { changes: { assigned_to: plan.userId }, patch: { assigned_to: plan.userId, assigned_to_name: plan.userName } };
    case 'snooze':
      return { changes: { date: plan.date }, patch: { date: plan.date } };
  }
}

/** "312 tasks reassigned to Maya Patel", "1 task completed". */
export function bulkSummary(plan: BulkPlan, count: number, timeZone: string): string {
  const tasks = plural(count, 'task');
  switch (plan.action) {
    case 'complete':
      return `${tasks} completed`;
    case 'reopen':
      return `${tasks} reopened`;
    case 'reassign':
      return `${tasks} reassigned to ${plan.userName}`;
    case 'snooze':
      return `${tasks} snoozed to ${describeDate(plan.date, timeZone)}`;
  }
}

/** "reassigning 312 tasks": what Undo undoes. */
function bulkUndoLabel(plan: BulkPlan, count: number): string {
  const tasks = plural(count, 'task');
  switch (plan.action) {
    case 'complete':
      return `completing ${tasks}`;
    case 'reopen':
      return `reopening ${tasks}`;
    case 'reassign':
      return `reassigning ${tasks} to ${plan.userName}`;
    case 'snooze':
      return `snoozing ${tasks}`;
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function bulkVerb(plan: BulkPlan, count: number): string {
  const tasks = plural(count, 'task');
  switch (plan.action) {
    case 'complete':
      return `complete ${tasks}`;
    case 'reopen':
      return `reopen ${tasks}`;
    case 'reassign':
      return `reassign ${tasks} to ${plan.userName}`;
    case 'snooze':
      return `snooze ${tasks}`;
  }
}

export function TaskActionsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const completeTask = useCompleteTask();
  const reopenTask = useReopenTask();
  const snoozeTask = useSnoozeTask();
  const reassignTask = useReassignTask();
  const updateText = useUpdateTaskText();
  const restoreTasks = useRestoreTasks();
  const bulkUpdate = useBulkUpdateTasks();

  const filters = useCurrentTaskFilters();
  const choice = useViewChoice();

  // The actions object never changes identity (memoized cards keep it); it reads the latest
  // mutations and view through this ref.
  const latest = useRef({ completeTask, reopenTask, snoozeTask, reassignTask, updateText, restoreTasks, bulkUpdate, filters, choice });
  latest.current = { completeTask, reopenTask, snoozeTask, reassignTask, updateText, restoreTasks, bulkUpdate, filters, choice };

  const actions = useMemo<TaskActions>(() => {
    const zone = () => latest.current.filters?.timeZone ?? latest.current.choice.timeZone ?? browserTimeZone();

    const recordUndo = (entry: Omit<UndoEntry, 'id'>, message: string, id = `undo-${++undoSeq}`) => {
      undoActions().undoRecorded({ ...entry, id });
      toastActions().toastShown({
        id: `toast-${id}`,
        tone: 'success',
        message,
        action: { label: 'Undo', onAction: () => undo(id), keyShortcuts: 'Z' },
        srHint: 'Undo available: press Z.',
        durationMs: UNDO_TOAST_MS,
      });
    };

    const undo = (entryId?: string) => {
      const id = entryId ?? latestUndoEntry()?.id;
      const entry = id ? undoActions().undoTaken(id) : null;
      if (!entry) return;
      toastActions().toastDismissed(`toast-${entry.id}`);
      const queued = queuedChanges.get(entry.id);
      if (queued && taskOutbox.cancel(queued)) {
        // Not sent yet: nothing goes to the server, and the change's own rollback puts the screen back.
        toastActions().toastShown({ tone: 'info', message: `Undid ${entry.label}`, durationMs: 5_000 });
        return;
      }
      const many = entry.restore.length > 50;
      latest.current.restoreTasks
        .mutateAsync({
          label: entry.label,
          restore: entry.restore,
          changes: entry.changes,
          timeZone: entry.timeZone,
          onProgress: many ? (done, total) => bulkProgressChanged({ label: `Undoing ${entry.label}`, done, total }) : undefined,
        })
        .then(() => toastActions().toastShown({ tone: 'info', message: `Undid ${entry.label}`, durationMs: 5_000 }))
        .catch(noop)
        .finally(() => many && bulkProgressChanged(null));
    };

    /**
     * One message per outcome: the confirmation and its Undo show at once (in the next task, not
     * in the key press's frame) while the change waits in the outbox; a refusal takes them away
     * and the failure alone is shown.
     */
    const single = (
      task: Task,
      run: (onQueued: (outboxId: string) => void) => Promise<unknown>,
      after: Task,
      fields: Array<'is_complete' | 'assigned_to' | 'date' | 'text'>,
      label: string,
      message: string,
    ) => {
      const timeZone = zone();
      const undoId = `undo-${++undoSeq}`;
      let failed = false;
      selectionActions().tasksDeselected([task.id]);
      run((outboxId) => queuedChanges.set(undoId, outboxId))
        .then(() => queuedChanges.delete(undoId))
        .catch(() => {
          failed = true;
          queuedChanges.delete(undoId);
          undoActions().undoTaken(undoId);
          toastActions().toastDismissed(`toast-${undoId}`);
        });
      setTimeout(() => {
        if (!failed) recordUndo({ label, restore: [restoreOf(task, fields)], changes: [{ before: task, after }], timeZone }, message, undoId);
      }, 0);
    };

    const runBulk = (plan: BulkPlan, vars: Omit<BulkUpdateVariables, 'description' | 'onProgress'>, count: number) => {
      const verb = bulkVerb(plan, count);
      const showProgress = count > BULK_PROGRESS_FROM;
      const progress = (done: number, total: number) => bulkProgressChanged({ label: `${capitalize(verb)}…`, done, total });
      if (showProgress) progress(0, count);
      return latest.current.bulkUpdate
        .mutateAsync({ ...vars, description: verb, onProgress: showProgress ? progress : undefined })
        .then((updated) => {
          recordUndo(
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
      const timeZone = zone();
      const { changes, patch } = changesOfPlan(plan);
      const known = loadedTasks(queryClient, ids);
      const previous: TaskRestore[] = [...known.values()].map((t) => restoreOf(t, fieldsOf(changes)));
      const optimistic: TaskChange[] = [...known.values()].map((t) => ({ before: t, after: { ...t, ...patch } }));
      selectionActions().selectionCleared();
      void runBulk(plan, { target: { kind: 'ids', ids: [...ids] }, changes, previous, optimistic, timeZone }, ids.size);
    };

    return {
      complete: (task) => {
        handFocusOnBeforeRemoval(task.id);
        const after = { ...task, is_complete: true };
        const title = taskTitle(task);
        single(task, (onQueued) => latest.current.completeTask.mutateAsync({ task, timeZone: zone(), onQueued }), after, ['is_complete'], `completing “${title}”`, `Completed “${title}”`);
      },
      reopen: (task) => {
        handFocusOnBeforeRemoval(task.id);
        const after = { ...task, is_complete: false };
        const title = taskTitle(task);
        single(task, (onQueued) => latest.current.reopenTask.mutateAsync({ task, timeZone: zone(), onQueued }), after, ['is_complete'], `reopening “${title}”`, `Reopened “${title}”`);
      },
      snooze: (task, date) => {
        const after = { ...task, date };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.snoozeTask.mutateAsync({ task, date, timeZone: zone(), onQueued }),
          after,
          ['date'],
          `snoozing “${title}”`,
          `Snoozed “${title}” to ${describeDate(date, zone())}`,
        );
      },
      reassign: (task, user) => {
        const after = { ...task, assigned_to: user.id, assigned_to_name: user.name };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.reassignTask.mutateAsync({ task, userId: user.id, userName: user.name, timeZone: zone(), onQueued }),
          after,
          ['assigned_to'],
          `reassigning “${title}”`,
          `Reassigned “${title}” to ${user.name}`,
        );
      },
      editText: async (task, text) => {
        const title = taskTitle(task);
        try {
          await latest.current.updateText.mutateAsync({ task, text, timeZone: zone() });
          recordUndo(
            { label: `editing “${title}”`, restore: [restoreOf(task, ['text'])], changes: [{ before: task, after: { ...task, text } }], timeZone: zone() },
            'Task text saved',
          );
          return true;
        } catch {
          return false;
        }
      },
      completeSelection: () => selectionPlan({ action: 'complete' }),
      reopenSelection: () => selectionPlan({ action: 'reopen' }),
      reassignSelection: (user) => selectionPlan({ action: 'reassign', userId: user.id, userName: user.name }),
      snoozeSelection: (date) => selectionPlan({ action: 'snooze', date }),
      applyPlanToView: async (plan, preview, viewFilters) => {
        if (preview.length === 0) return;
        const { changes, patch } = changesOfPlan(plan);
        const list = queryClient.getQueryData<TaskPages>(taskKeys.list(viewFilters));
        const optimistic: TaskChange[] = flattenTaskPages(list).map((t) => ({ before: t, after: { ...t, ...patch } }));
        const previous: TaskRestore[] = preview.map((s) => {
          const values: TaskRestore['values'] = {};
          if ('is_complete' in changes) values.is_complete = s.is_complete;
          if ('assigned_to' in changes && s.assigned_to) values.assigned_to = s.assigned_to;
          if ('date' in changes) values.date = s.date;
          return { id: s.id, values };
        });
        const createdBefore = preview.reduce((max, s) => (s.date_created > max ? s.date_created : max), preview[0]!.date_created);
        selectionActions().selectionCleared();
        await runBulk(plan, { target: { kind: 'view', filters: viewFilters, createdBefore }, changes, previous, optimistic, timeZone: viewFilters.timeZone }, preview.length);
      },
      taskCreated: (task, timeZone) => {
        const label = `creating “${taskTitle(task)}”`;
        recordUndo(
          { label, restore: [{ id: task.id, values: {}, remove: true }], changes: [{ before: null, after: task }], timeZone },
          `Task created: “${taskTitle(task)}”`,
        );
      },
      undo,
      openSnooze: (target) => dialogActions().dialogOpened({ kind: 'snooze', target }),
      openReassign: (target) => dialogActions().dialogOpened({ kind: 'reassign', target }),
      openNewTask: () => dialogActions().dialogOpened({ kind: 'new-task' }),
    };
  }, [queryClient]);

  return <TaskActionsContext.Provider value={actions}>{children}</TaskActionsContext.Provider>;
}
