/**
 * Puts tasks back the way they were: Undo, and the rollback of a bulk change that failed half
 * way. One task → one `PUT /task/{id}/`; many → one bulk `PUT /task/` per distinct previous
 * value (the ids in `_params`, in chunks), since a bulk update sets one value on every task.
 * A task this app created is taken back with `DELETE /task/{id}/`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import { enqueueTaskChange } from '../outbox/task-outbox';
import { deleteTask } from './delete-task';
import { putTask } from './put-task';
import { type TaskChange, applyTaskChanges, invertChanges, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';
import { BULK_CHUNK_SIZE, type BulkChanges, putTasksByIds } from './put-tasks';

/**
 * The values one task had before an action. Only fields the action changed are listed;
 * `remove`: the action created the task, so undoing it deletes the task.
 */
export type TaskRestore = { id: string; values: BulkChanges & { text?: string }; remove?: true };

export type RestoreProgress = (done: number, total: number) => void;

function groupByValues(items: readonly TaskRestore[]): Array<{ values: TaskRestore['values']; ids: string[] }> {
  const groups = new Map<string, { values: TaskRestore['values']; ids: string[] }>();
  for (const item of items) {
    const key = JSON.stringify(Object.entries(item.values).sort(([a], [b]) => a.localeCompare(b)));
    const group = groups.get(key) ?? { values: item.values, ids: [] };
    group.ids.push(item.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export async function restoreTasks(items: readonly TaskRestore[], timeZone: string, onProgress?: RestoreProgress): Promise<void> {
  const removed = items.filter((item) => item.remove);
  if (removed.length > 0) {
    // A task already gone is what Undo wanted (a retried DELETE whose first answer was lost).
    for (const item of removed) await deleteTask(item.id, timeZone).catch(ignoreNotFound);
    const rest = items.filter((item) => !item.remove);
    onProgress?.(removed.length, items.length);
    if (rest.length > 0) await restoreTasks(rest, timeZone, (done) => onProgress?.(removed.length + done, items.length));
    return;
  }
  const only = items.length === 1 ? items[0] : undefined;
  if (only) {
    await putTask(only.id, only.values, timeZone);
    onProgress?.(1, 1);
    return;
  }
  let done = 0;
  for (const group of groupByValues(items)) {
    if ('text' in group.values) {
      // Text is not a bulk field; it only ever comes from a one-task edit.
      for (const id of group.ids) await putTask(id, group.values, timeZone);
    } else {
      for (let i = 0; i < group.ids.length; i += BULK_CHUNK_SIZE) {
        const chunk = group.ids.slice(i, i + BULK_CHUNK_SIZE);
        await putTasksByIds(chunk, group.values, timeZone);
        done += chunk.length;
        onProgress?.(done, items.length);
      }
      continue;
    }
    done += group.ids.length;
    onProgress?.(done, items.length);
  }
}

function ignoreNotFound(error: unknown): void {
  if (!(error instanceof ApiError && error.status === 404)) throw error;
}

export type UndoVariables = {
  label: string;
  restore: TaskRestore[];
  /** The changes the action made to tasks known in full, undone on screen at once. */
  changes: TaskChange[];
  timeZone: string;
  onProgress?: RestoreProgress;
};

export function useRestoreTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: taskKeys.update(),
    networkMode: 'always',
    mutationFn: ({ label, restore, timeZone, onProgress }: UndoVariables) =>
      enqueueTaskChange({ kind: 'restore', items: restore, timeZone }, `undo ${label}`, onProgress).result.then(() => undefined),
    onMutate: ({ changes }) => {
      const undo = invertChanges(changes);
      applyTaskChanges(queryClient, undo);
      return { undo };
    },
    onError: (_e, _v, context) => {
      if (context) applyTaskChanges(queryClient, invertChanges(context.undo));
    },
    onSettled: () => void settleTaskChange(queryClient),
    meta: { describeFailure: (vars) => `Couldn't undo ${(vars as UndoVariables).label}` },
  });
}

export function restoreOf(task: Task, fields: ReadonlyArray<'is_complete' | 'assigned_to' | 'date' | 'text'>): TaskRestore {
  const values: TaskRestore['values'] = {};
  for (const f of fields) {
    if (f === 'text') values.text = task.text ?? '';
    else if (f === 'is_complete') values.is_complete = task.is_complete;
    else if (f === 'assigned_to') {
      if (task.assigned_to) values.assigned_to = task.assigned_to;
    } else values.date = task.date;
  }
  return { id: task.id, values };
}
