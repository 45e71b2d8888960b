/**
 * The actions on one task (complete, with a note too, reopen, snooze, reassign, edit its text or
 * note, set its priority), each confirmed with an Undo toast. The returned object never changes identity: it reads the latest mutations
 * through a ref.
 */
import { useMemo, useRef } from 'react';
import type { Task, TaskPriority } from '@/shared/close/schemas';
import { useCompleteTask } from '../api/complete-task';
import { useCompleteTaskWithNote } from '../api/complete-task-with-note';
import { useReassignTask } from '../api/reassign-task';
import { useReopenTask } from '../api/reopen-task';
import { restoreOf } from '../api/restore-tasks';
import { useSetTaskPriority } from '../api/set-task-priority';
import { useSnoozeTask } from '../api/snooze-task';
import { useUpdateTaskNote } from '../api/update-task-note';
import { useUpdateTaskText } from '../api/update-task-text';
import { handFocusOnBeforeRemoval } from '../stores/focus-store';
import { selectionActions } from '../stores/selection-store';
import { describeDate } from '../utils/describe-date';
import { taskTitle } from '../utils/task-title';
import type { TaskUndo } from './use-task-undo';

export type Assignee = { id: string; name: string };

export type SingleTaskActions = {
  complete: (task: Task) => void;
  reopen: (task: Task) => void;
  snooze: (task: Task, date: string) => void;
  reassign: (task: Task, user: Assignee) => void;
  editText: (task: Task, text: string) => Promise<boolean>;
  /** The backend's own note (a task that carries `note`). */
  editNote: (task: Task, note: string) => Promise<boolean>;
  /** Completing with a note kept with the completion (a backend that declares `completionNote`). */
  completeWithNote: (task: Task, note: string) => void;
  setPriority: (task: Task, priority: TaskPriority) => void;
};

type UndoableField = 'is_complete' | 'assigned_to' | 'date' | 'text' | 'priority';

/** `zone` answers the zone the user looks in at the moment of the action. */
export function useSingleTaskActions(undo: TaskUndo, zone: () => string): SingleTaskActions {
  const completeTask = useCompleteTask();
  const reopenTask = useReopenTask();
  const snoozeTask = useSnoozeTask();
  const reassignTask = useReassignTask();
  const updateText = useUpdateTaskText();
  const updateNote = useUpdateTaskNote();
  const completeWithNote = useCompleteTaskWithNote();
  const setPriority = useSetTaskPriority();
  const mutations = { completeTask, reopenTask, snoozeTask, reassignTask, updateText, updateNote, completeWithNote, setPriority, zone };
  const latest = useRef(mutations);
  latest.current = mutations;

  return useMemo<SingleTaskActions>(() => {
    const zoneNow = () => latest.current.zone();

    /**
     * One message per outcome: the confirmation and its Undo show at once (in the next task, not
     * in the key press's frame) while the change waits in the outbox; a refusal takes them away
     * and the failure alone is shown.
     */
    const single = (
      task: Task,
      run: (onQueued: (outboxId: string) => void) => Promise<unknown>,
      after: Task,
      fields: UndoableField[],
      label: string,
      message: string,
    ) => {
      const timeZone = zoneNow();
      const undoId = undo.nextEntryId();
      let failed = false;
      selectionActions().tasksDeselected([task.id]);
      run((outboxId) => undo.changeQueued(undoId, outboxId))
        .then(() => undo.changeSent(undoId))
        .catch(() => {
          failed = true;
          undo.changeRefused(undoId);
        });
      setTimeout(() => {
        if (!failed) undo.record({ label, restore: [restoreOf(task, fields)], changes: [{ before: task, after }], timeZone }, message, undoId);
      }, 0);
    };

    return {
      complete: (task) => {
        handFocusOnBeforeRemoval(task.id);
        const after = { ...task, is_complete: true };
        const title = taskTitle(task);
        single(task, (onQueued) => latest.current.completeTask.mutateAsync({ task, timeZone: zoneNow(), onQueued }), after, ['is_complete'], `completing “${title}”`, `Completed “${title}”`);
      },
      completeWithNote: (task, note) => {
        handFocusOnBeforeRemoval(task.id);
        const after = { ...task, is_complete: true };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.completeWithNote.mutateAsync({ task, note, timeZone: zoneNow(), onQueued }),
          after,
          ['is_complete'],
          `completing “${title}”`,
          note.trim() ? `Completed “${title}” with a note` : `Completed “${title}”`,
        );
      },
      setPriority: (task, priority) => {
        const after = { ...task, priority };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.setPriority.mutateAsync({ task, priority, timeZone: zoneNow(), onQueued }),
          after,
          ['priority'],
          `the priority of “${title}”`,
          priority === 'high' ? `Marked “${title}” high priority` : `Marked “${title}” normal priority`,
        );
      },
      reopen: (task) => {
        handFocusOnBeforeRemoval(task.id);
        const after = { ...task, is_complete: false };
        const title = taskTitle(task);
        single(task, (onQueued) => latest.current.reopenTask.mutateAsync({ task, timeZone: zoneNow(), onQueued }), after, ['is_complete'], `reopening “${title}”`, `Reopened “${title}”`);
      },
      snooze: (task, date) => {
        const after = { ...task, date };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.snoozeTask.mutateAsync({ task, date, timeZone: zoneNow(), onQueued }),
          after,
          ['date'],
          `snoozing “${title}”`,
          `Snoozed “${title}” to ${describeDate(date, zoneNow())}`,
        );
      },
      reassign: (task, user) => {
        const after = { ...task, assigned_to: user.id, assigned_to_name: user.name };
        const title = taskTitle(task);
        single(
          task,
          (onQueued) => latest.current.reassignTask.mutateAsync({ task, userId: user.id, userName: user.name, timeZone: zoneNow(), onQueued }),
          after,
          ['assigned_to'],
          `reassigning “${title}”`,
          `Reassigned “${title}” to ${user.name}`,
        );
      },
      editText: async (task, text) => {
        const title = taskTitle(task);
        try {
          await latest.current.updateText.mutateAsync({ task, text, timeZone: zoneNow() });
          undo.record(
            { label: `editing “${title}”`, restore: [restoreOf(task, ['text'])], changes: [{ before: task, after: { ...task, text } }], timeZone: zoneNow() },
            'Task text saved',
          );
          return true;
        } catch {
          return false;
        }
      },
      editNote: async (task, note) => {
        const title = taskTitle(task);
        try {
          await latest.current.updateNote.mutateAsync({ task, note, timeZone: zoneNow() });
          undo.record(
            { label: `editing the note of “${title}”`, restore: [{ id: task.id, values: { text: task.note ?? '' } }], changes: [{ before: task, after: { ...task, note, text: note } }], timeZone: zoneNow() },
            'Note saved',
          );
          return true;
        } catch {
          return false;
        }
      },
    };
  }, [undo]);
}
