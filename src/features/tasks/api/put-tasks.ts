/** The contract's bulk update (assigned_to, date, is_complete only), by ids or by a view's filters. */
import type { BulkUpdateTaskBody } from '@/shared/close/schemas';
import { taskApi } from '@/lib/task-api';
import { type TaskListFilters, taskFilterInput } from '../utils/task-view-rules';

/** Ids per request: keeps each body well under the API's size cap. */
export const BULK_CHUNK_SIZE = 1_000;

export type BulkChanges = Omit<BulkUpdateTaskBody, '_params'>;

/** At most BULK_CHUNK_SIZE ids, every type; the count changed (every id, when the answer does not say). */
export async function putTasksByIds(ids: readonly string[], changes: BulkChanges, timeZone: string): Promise<number> {
  return (await taskApi.updateTasksByIds(ids, changes, timeZone)) ?? ids.length;
}

/** Every task the view's filters match, in one request (one transaction on the server). */
export async function putTasksInView(filters: TaskListFilters, changes: BulkChanges, createdBefore: string): Promise<number | null> {
  const input = taskFilterInput(filters);
  // A slice's own date bounds stay: the cut-off only adds to them.
  const dates = [...(input.dates ?? []), { field: 'date_created' as const, op: 'lte' as const, value: createdBefore }];
  return taskApi.updateTasksMatching({ ...input, dates }, changes, filters.timeZone);
}
