/**
 * Puts tasks back the way they were: Undo, and the rollback of a bulk change that failed half
 * way. One task → one `PUT /task/{id}/`; many → one bulk `PUT /task/` per distinct previous
 * value (the ids in `_params`, in chunks), since a bulk update sets one value on every task.
 * A task this app created is taken back with `DELETE /task/{id}/`.
 */
import type { Task } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import { deleteTask } from './delete-task';
import { putTask } from './put-task';
import { BULK_CHUNK_SIZE, type BulkChanges, putTasksByIds } from './put-tasks';

/**
 * The values one task had before an action. Only fields the action changed are listed;
 * `remove`: the action created the task, so undoing it deletes the task.
 */
export type TaskRestore = { id: string; values: BulkChanges & { text?: string }; remove?: true };

export type RestoreProgress = (done: number, total: number) => void;

/**
 * Whether putting these tasks back means reopening a completed one, which only a backend that
 * declares `reopen` can do (Outreach cannot): there, Undo of a sent completion is refused with a
 * message, never attempted.
 */
export function restoreReopens(items: readonly TaskRestore[]): boolean {
  return items.some((item) => item.values.is_complete === false);
}

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

/** The previous values of `fields` (a previewed snapshot has every field but `text`). */
export function restoreOf(
  task: Pick<Task, 'id' | 'is_complete' | 'assigned_to' | 'date'> & Partial<Pick<Task, 'text' | 'priority'>>,
  fields: ReadonlyArray<'is_complete' | 'assigned_to' | 'date' | 'text' | 'priority'>,
): TaskRestore {
  const values: TaskRestore['values'] = {};
  for (const f of fields) {
    if (f === 'text') values.text = task.text ?? '';
    else if (f === 'priority') values.priority = task.priority === 'high' ? 'high' : 'medium';
    else if (f === 'is_complete') values.is_complete = task.is_complete;
    else if (f === 'assigned_to') {
      if (task.assigned_to) values.assigned_to = task.assigned_to;
    } else values.date = task.date;
  }
  return { id: task.id, values };
}
