/** Close's bulk `PUT /task/` (assigned_to, date, is_complete only), by ids or by a view's filters. */
import { z } from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { type TaskListFilters, taskFilterParams } from '../utils/task-view-rules';

/** Ids per request: keeps each body well under the API's size cap. */
export const BULK_CHUNK_SIZE = 1_000;

export type BulkChanges = { assigned_to?: string; date?: string | null; is_complete?: boolean };

const BulkAnswerSchema = z.looseObject({ updated: z.optional(z.number()) });

/**
 * The ids go in the body's `_params`, where thousands of them fit (a URL would not hold them).
 * `_type=all` too: like GET, a bulk update without a type filter only touches lead tasks.
 */
export async function putTasksByIds(ids: readonly string[], changes: BulkChanges, timeZone: string): Promise<number> {
  const answer = await apiRequest({
    method: 'PUT',
    path: '/task/',
    body: { ...changes, _params: { id__in: ids.join(','), _type: 'all' } },
    schema: BulkAnswerSchema,
    timeZone,
  });
  return answer.updated ?? ids.length;
}

/** Every task the view's filters match, in one request (one transaction on the server). */
export async function putTasksInView(filters: TaskListFilters, changes: BulkChanges, createdBefore: string): Promise<number | null> {
  const answer = await apiRequest({
    method: 'PUT',
    path: '/task/',
    query: { ...taskFilterParams(filters), date_created__lte: createdBefore },
    body: changes,
    schema: BulkAnswerSchema,
    timeZone: filters.timeZone,
  });
  return answer.updated ?? null;
}
