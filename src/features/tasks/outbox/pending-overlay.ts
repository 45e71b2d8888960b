/**
 * Pending changes stay on screen: a list or count read while changes wait in the outbox (a
 * refresh on focus, the poll, the first load of a page that took over another page's changes)
 * shows the server's state, which does not have them yet. Each such answer gets the pending
 * changes applied over it, in the order they were made, before it is rendered.
 */
import type { Task } from '@/shared/close/schemas';
import type { TaskChange } from '../api/task-cache';
import { type TaskPages, reconcileTasksInPages } from '../utils/task-pages';
import { type TaskListFilters, taskMatchesFilters } from '../utils/task-view-rules';
import type { TaskChangePayload } from './task-change-ops';

/** Each pending change as a before → after of the tasks this list holds (or that it should now hold). */
export function pendingChangesOver(pages: TaskPages, payloads: readonly TaskChangePayload[]): TaskChange[] {
  const current = new Map<string, Task>();
  for (const page of pages.pages) for (const task of page.data) current.set(task.id, task);
  // The first `before` and the last `after` of each task: several pending changes to one task are one change here.
  const changes = new Map<string, TaskChange>();
  const change = (id: string, before: Task | null, after: Task | null) => {
    const first = changes.get(id);
    changes.set(id, { before: first ? first.before : before, after });
    if (after) current.set(id, after);
    else current.delete(id);
  };
  for (const payload of payloads) {
    switch (payload.kind) {
      case 'update': {
        const task = current.get(payload.taskId) ?? payload.before;
        change(task.id, task, { ...task, ...payload.patch });
        break;
      }
      case 'bulk-ids':
        for (const id of payload.ids) {
          const task = current.get(id);
          if (task) change(id, task, { ...task, ...payload.patch });
        }
        break;
      case 'create':
        if (payload.pending && !current.has(payload.pending.id)) change(payload.pending.id, null, payload.pending);
        break;
      case 'restore':
        for (const item of payload.items) {
          const task = current.get(item.id);
          if (!task) continue;
          change(item.id, task, item.remove ? null : ({ ...task, ...item.values } as Task));
        }
        break;
      case 'bulk-view':
        // Which tasks it changes is the server's to say; the list follows when it has.
        break;
      case 'send':
        // A message changes no task; completing its task afterwards is a change of its own.
        break;
    }
  }
  return [...changes.values()];
}

export function overlayPendingOnList(pages: TaskPages, payloads: readonly TaskChangePayload[], filters: TaskListFilters, nowMs: number): TaskPages {
  const changes = pendingChangesOver(pages, payloads);
  return changes.length === 0 ? pages : reconcileTasksInPages(pages, changes, filters, nowMs).pages;
}

/** How many more (or fewer) tasks a count read from the server will have once the pending single-task changes land. */
export function pendingCountDelta(payloads: readonly TaskChangePayload[], filters: TaskListFilters, nowMs: number): number {
  const first = new Map<string, Task>();
  const last = new Map<string, Task>();
  for (const payload of payloads) {
    if (payload.kind !== 'update') continue;
    if (!first.has(payload.taskId)) first.set(payload.taskId, payload.before);
    last.set(payload.taskId, { ...(last.get(payload.taskId) ?? payload.before), ...payload.patch });
  }
  let delta = 0;
  for (const [id, before] of first) {
    delta += Number(taskMatchesFilters(last.get(id)!, filters, nowMs)) - Number(taskMatchesFilters(before, filters, nowMs));
  }
  return delta;
}
