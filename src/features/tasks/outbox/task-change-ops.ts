/**
 * What the task outbox stores and how each kind of change reaches Close. Every record is plain
 * data (it goes to IndexedDB and may be sent by a later page), and every kind is safe to send
 * again after an answer was lost:
 *   - `update` (complete, reopen, snooze, reassign, text) and `restore` (Undo) are PUTs of
 *     absolute values: sending one twice leaves the task as sending it once does. Undo of a
 *     created task is a DELETE; "already gone" is what it wanted.
 *   - `bulk-ids` goes in chunks and stores how many ids are done after each chunk, so a later
 *     page carries on after the last chunk Close confirmed.
 *   - `create` is the one that is not idempotent. When an attempt may have reached Close (no
 *     answer, a gateway's 502/504, the page closed mid-request), the next attempt first looks for
 *     the task it may have made: same lead, same text, created since just before the change by
 *     this person; finding one adopts it instead of creating a second.
 *   - `send` (a message) is not idempotent either: it is looked up by its mark first
 *     (message-send-ops.ts).
 */
import { type CreateTaskBody, type Task, TaskListSchema, type UpdateTaskBody } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import type { ExecuteContext, OutboxRecord } from '@/lib/outbox/outbox';
import { classifyFailure } from '@/lib/outbox/retry-policy';
import { taskApi } from '@/lib/task-api';
import { putTask } from '../api/put-task';
import { BULK_CHUNK_SIZE, type BulkChanges, putTasksByIds, putTasksInView } from '../api/put-tasks';
import { type TaskRestore, restoreTasks } from '../api/restore-tasks';
import type { TaskListFilters } from '../utils/task-view-rules';
import type { MessageSendPayload } from './message-send-ops';

export type TaskChangePayload =
  | {
      kind: 'update';
      taskId: string;
      body: UpdateTaskBody;
      /** The task when the change was made, and how the change shows on it (for lists read meanwhile). */
      before: Task;
      patch: Partial<Task>;
      timeZone: string;
    }
  | { kind: 'bulk-ids'; ids: string[]; changes: BulkChanges; patch: Partial<Task>; previous: TaskRestore[]; timeZone: string }
  | { kind: 'bulk-view'; filters: TaskListFilters; changes: BulkChanges; createdBefore: string; total: number; timeZone: string }
  /** `key`: orders it (the pending task's id when the form made one). */
  | { kind: 'create'; body: CreateTaskBody; pending: Task | null; key: string; timeZone: string }
  | { kind: 'restore'; items: TaskRestore[]; timeZone: string }
  /** A message whose "Undo send" window has passed (message-send-ops.ts). */
  | MessageSendPayload;

export type TaskChangeRecord = OutboxRecord<TaskChangePayload>;

/** Changes to the same task go out in order; a view-wide change waits for everything before it. */
export function taskIdsOf(payload: TaskChangePayload): readonly string[] | 'all' {
  switch (payload.kind) {
    case 'update':
      return [payload.taskId];
    case 'bulk-ids':
      return payload.ids;
    case 'bulk-view':
      return 'all';
    case 'create':
      return [payload.key];
    case 'restore':
      return payload.items.map((item) => item.id);
    case 'send':
      return [`send:${payload.sendId}`];
  }
}

/** The fields a change sets on screen (a reassignment sets the assignee's name too). */
export function patchBetween(before: Task, after: Task): Partial<Task> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if ((before as Record<string, unknown>)[key] !== value) patch[key] = value;
  }
  return patch as Partial<Task>;
}

/** Progress of a live bulk change (not stored: a later page has no progress bar to feed). */
export type ChangeProgress = (done: number, total: number) => void;

export async function sendTaskChange(record: TaskChangeRecord, context: ExecuteContext, onProgress?: ChangeProgress): Promise<unknown> {
  const payload = record.payload;
  switch (payload.kind) {
    case 'update':
      return putTask(payload.taskId, payload.body, payload.timeZone);
    case 'bulk-ids':
      return sendBulkByIds(payload, record.progress, context, onProgress);
    case 'bulk-view': {
      onProgress?.(0, payload.total);
      const updated = await putTasksInView(payload.filters, payload.changes, payload.createdBefore);
      onProgress?.(payload.total, payload.total);
      return updated ?? payload.total;
    }
    case 'create': {
      if (record.uncertain) {
        const made = await findTaskMadeBy(payload, record.createdAt);
        if (made) return made;
      }
      return taskApi.createTask(payload.body, payload.timeZone);
    }
    case 'restore':
      await restoreTasks(payload.items, payload.timeZone, onProgress);
      return undefined;
    case 'send': {
      // Loaded when a message is first sent: the app's first chunk, which every page load pays
      // for, does not carry the activities' schemas and the look-up.
      const { sendMessageRecord } = await import('./message-send-ops');
      return sendMessageRecord({ ...record, payload });
    }
  }
}

async function sendBulkByIds(
  payload: Extract<TaskChangePayload, { kind: 'bulk-ids' }>,
  progress: unknown,
  context: ExecuteContext,
  onProgress?: ChangeProgress,
): Promise<number> {
  const { ids, changes, timeZone } = payload;
  let done = typeof progress === 'number' ? progress : 0;
  for (let i = done; i < ids.length; i += BULK_CHUNK_SIZE) {
    const chunk = ids.slice(i, i + BULK_CHUNK_SIZE);
    try {
      await putTasksByIds(chunk, changes, timeZone);
    } catch (error) {
      // A refusal after some chunks: put those back, so the change is all-or-nothing. A
      // transient failure keeps what is done and carries on from here on the next attempt.
      if (done === 0 || classifyFailure(error) !== 'refused') throw error;
      await rollBack(payload.previous, new Set(ids.slice(0, done)), timeZone, error);
    }
    done += chunk.length;
    await context.saveProgress(done);
    onProgress?.(done, ids.length);
  }
  return ids.length;
}

async function rollBack(previous: readonly TaskRestore[], applied: Set<string>, timeZone: string, cause: unknown): Promise<never> {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const status = cause instanceof ApiError ? cause.status : 400;
  try {
    await restoreTasks(previous.filter((p) => applied.has(p.id)), timeZone);
  } catch {
    throw new ApiError(`${reason} ${applied.size} tasks had already changed and could not all be put back; reload to see their state.`, status);
  }
  throw new ApiError(`${reason} Nothing was changed.`, status);
}

/** How far back from the change to look for a task its lost answer may have created. */
const CREATED_LOOKUP_SLACK_MS = 60_000;

async function findTaskMadeBy(payload: Extract<TaskChangePayload, { kind: 'create' }>, madeAt: number): Promise<Task | null> {
  const { body, pending, timeZone } = payload;
  const assignee = body.assigned_to ?? pending?.assigned_to;
  const answer = await taskApi.listTasks(
    {
      filters: {
        types: ['lead'],
        leadId: body.lead_id,
        dates: [{ field: 'date_created', op: 'gte', value: new Date(madeAt - CREATED_LOOKUP_SLACK_MS).toISOString() }],
      },
      limit: 100,
      skip: 0,
      timeZone,
    },
    TaskListSchema,
  );
  return (
    answer.data.find(
      (task) =>
        (task.text ?? '') === (body.text ?? '') &&
        (!pending?.created_by || task.created_by === pending.created_by) &&
        (!assignee || task.assigned_to === assignee),
    ) ?? null
  );
}
