/**
 * Undo for task actions: records an entry with its toast, and takes it back — by withdrawing the
 * change from the outbox while it has not been sent, otherwise by restoring the previous values.
 */
import { useMemo, useRef } from 'react';
import { UNDO_TOAST_MS, toastActions } from '@/components/toast/toast-store';
import { useCapabilities } from '@/lib/capabilities';
import { restoreReopens } from '../api/restore-tasks';
import { useRestoreTasks } from '../api/undo-tasks';
import { taskOutbox } from '../outbox/task-outbox';
import { bulkProgressChanged } from '../stores/bulk-progress-store';
import { type UndoEntry, latestUndoEntry, undoActions } from '../stores/undo-store';

export type TaskUndo = {
  /** An id for an entry recorded later (an action records its Undo once it is under way). */
  nextEntryId: () => string;
  /** Records an entry and shows `message` with an Undo button. */
  record: (entry: Omit<UndoEntry, 'id'>, message: string, id?: string) => void;
  /** The entry's change waits in the outbox as `outboxId`: Undo withdraws it there until it is sent. */
  changeQueued: (entryId: string, outboxId: string) => void;
  /** The change was sent: Undo restores from now on. */
  changeSent: (entryId: string) => void;
  /** The change was refused: the entry and its toast go, as there is nothing to undo. */
  changeRefused: (entryId: string) => void;
  /** Undoes the most recent entry, or a given one (from its toast). */
  undo: (entryId?: string) => void;
};

const noop = () => {};
/** Undo runs a progress bar above this many tasks. */
const UNDO_PROGRESS_FROM = 50;
let undoSeq = 0;
/** Undo entry id → the outbox id of its change, while the change may still be waiting to be sent. */
const queuedChanges = new Map<string, string>();

/** A stable object (memoized cards keep it); it reads the latest restore mutation through a ref. */
export function useTaskUndo(): TaskUndo {
  const restoreTasks = useRestoreTasks();
  const latest = useRef(restoreTasks);
  latest.current = restoreTasks;
  // Unknown capabilities (they could not be read): try, and let the server answer.
  const canReopen = useRef(true);
  canReopen.current = useCapabilities()?.reopen !== false;

  return useMemo<TaskUndo>(() => {
    const record: TaskUndo['record'] = (entry, message, id = `undo-${++undoSeq}`) => {
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

    const undo: TaskUndo['undo'] = (entryId) => {
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
      if (!canReopen.current && restoreReopens(entry.restore)) {
        // Sent already, and this backend cannot reopen a completed task: say so rather than try.
        toastActions().toastShown({ tone: 'info', message: `Can't undo ${entry.label}: it was saved, and completed tasks can't be reopened here.`, durationMs: 8_000 });
        return;
      }
      const many = entry.restore.length > UNDO_PROGRESS_FROM;
      latest.current
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

    return {
      nextEntryId: () => `undo-${++undoSeq}`,
      record,
      changeQueued: (entryId, outboxId) => {
        queuedChanges.set(entryId, outboxId);
      },
      changeSent: (entryId) => {
        queuedChanges.delete(entryId);
      },
      changeRefused: (entryId) => {
        queuedChanges.delete(entryId);
        undoActions().undoTaken(entryId);
        toastActions().toastDismissed(`toast-${entryId}`);
      },
      undo,
    };
  }, []);
}
