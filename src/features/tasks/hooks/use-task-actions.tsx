/**
 * Every task action, for one task or for the selection, behind one stable object. Buttons, the
 * bulk bar, dialogs and keyboard shortcuts all call these, so they behave the same.
 * The provider sits in the app shell: an action outlives the card that started it (a completed
 * card unmounts at once), so its Undo toast and its error still appear.
 */
import { type ReactNode, createContext, useContext, useMemo, useRef } from 'react';
import type { Task } from '@/shared/close/schemas';
import { type ActionTarget, dialogActions } from '../stores/dialog-store';
import { taskTitle } from '../utils/task-title';
import { type BulkTaskActions, useBulkTaskActions } from './use-bulk-task-actions';
import { useViewChoice } from './use-current-task-view';
import { type SingleTaskActions, useSingleTaskActions } from './use-single-task-actions';
import { useTaskUndo } from './use-task-undo';

export type TaskActions = SingleTaskActions &
  BulkTaskActions & {
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

export function TaskActionsProvider({ children }: { children: ReactNode }) {
  // The zone the view on screen looks in (the URL's, else the browser's: readViewSearch decides).
  // Actions run later than renders: they read it through this ref.
  const { timeZone } = useViewChoice();
  const viewZone = useRef(timeZone);
  viewZone.current = timeZone;
  const zone = useRef(() => viewZone.current).current;

  const undo = useTaskUndo();
  const single = useSingleTaskActions(undo, zone);
  const bulk = useBulkTaskActions(undo, zone);

  // Never changes identity (memoized cards keep it): every part is stable.
  const actions = useMemo<TaskActions>(
    () => ({
      ...single,
      ...bulk,
      taskCreated: (task, timeZone) => {
        const title = taskTitle(task);
        undo.record(
          { label: `creating “${title}”`, restore: [{ id: task.id, values: {}, remove: true }], changes: [{ before: null, after: task }], timeZone },
          `Task created: “${title}”`,
        );
      },
      undo: undo.undo,
      openSnooze: (target) => dialogActions().dialogOpened({ kind: 'snooze', target }),
      openReassign: (target) => dialogActions().dialogOpened({ kind: 'reassign', target }),
      openNewTask: () => dialogActions().dialogOpened({ kind: 'new-task' }),
    }),
    [single, bulk, undo],
  );

  return <TaskActionsContext.Provider value={actions}>{children}</TaskActionsContext.Provider>;
}
