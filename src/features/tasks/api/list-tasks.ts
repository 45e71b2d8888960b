/**
 * Reading task lists: one page of full tasks, a capped count, and the small snapshot of every
 * matching task that a view-wide bulk action previews (and later undoes) from.
 * Every call names the types explicitly (`_type=all` or `_type__in`) so the API's lead-only
 * default never applies, and sends the view's zone so "today" is the user's today.
 */
import { z } from 'zod/mini';
import { DEFAULT_LIMIT, MAX_LIMIT, TaskListSchema, listResponseSchema } from '@/shared/close/schemas';
import { taskApi } from '@/lib/task-api';
import type { TaskPage } from '../utils/task-pages';
import { type TaskListFilters, orderByOf, taskFilterInput } from '../utils/task-view-rules';

export const TASK_PAGE_SIZE = DEFAULT_LIMIT;
/** Tabs count up to this many tasks and then say "1,000+". */
export const TASK_COUNT_CAP = 1_000;

export async function listTasksPage(filters: TaskListFilters, skip: number, signal?: AbortSignal): Promise<TaskPage> {
  const page = await taskApi.listTasks(
    { filters: taskFilterInput(filters), orderBy: orderByOf(filters.view), limit: TASK_PAGE_SIZE, skip, timeZone: filters.timeZone, signal },
    TaskListSchema,
  );
  return { data: page.data, has_more: page.has_more };
}

// A count reads only how many items a page has: checking each of up to 1,000 ids per count, three
// counts after every action, was most of the main thread's work between key presses.
const IdPageSchema = listResponseSchema(z.unknown());

export type TaskCount = { count: number; capped: boolean };

/** Close has no count endpoint: page through ids only, up to `cap`. */
export async function countTasks(filters: TaskListFilters, cap = TASK_COUNT_CAP, signal?: AbortSignal): Promise<TaskCount> {
  let count = 0;
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await taskApi.listTasks({ filters: taskFilterInput(filters), fields: ['id'], limit: MAX_LIMIT, skip, timeZone: filters.timeZone, signal }, IdPageSchema);
    count += page.data.length;
    if (!page.has_more || page.data.length === 0) return { count, capped: false };
    if (count >= cap) return { count, capped: true };
  }
}

export const TaskSnapshotSchema = z.looseObject({
  id: z.string(),
  assigned_to: z.nullable(z.string()),
  date: z.nullable(z.string()),
  is_complete: z.boolean(),
  date_created: z.string(),
});
export type TaskSnapshot = z.infer<typeof TaskSnapshotSchema>;
const SnapshotPageSchema = listResponseSchema(TaskSnapshotSchema);
const SNAPSHOT_FIELDS = ['id', 'assigned_to', 'date', 'is_complete', 'date_created'] as const;

/**
 * Every task in the view, reduced to what a bulk update can change. This is the preview's count
 * and the record Undo restores from.
 */
export async function listTaskSnapshots(
  filters: TaskListFilters,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (loaded: number) => void } = {},
): Promise<TaskSnapshot[]> {
  const all: TaskSnapshot[] = [];
  const seen = new Set<string>();
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await taskApi.listTasks(
      { filters: taskFilterInput(filters), orderBy: 'date_created', fields: SNAPSHOT_FIELDS, limit: MAX_LIMIT, skip, timeZone: filters.timeZone, signal },
      SnapshotPageSchema,
    );
    for (const t of page.data) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      all.push(t);
    }
    onProgress?.(all.length);
    if (!page.has_more || page.data.length === 0) return all;
  }
}
