import { BulkUpdateTaskBodySchema, fieldErrorsFrom } from '@/shared/close/schemas';
import { TASK_FILTER_PARAMS, parseTaskFilters } from '@/shared/close/task-filters';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import { readTzOffset } from '../http/tz-offset';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { compileTaskChanges } from './task-changes';
import { compileTaskQuery } from './task-query';

/**
 * `PUT /task/`: the GET filters in the query string, or in `_params` in the body (the body's
 * win), and only assigned_to, date, is_complete and priority. One transaction: every matching task
 * changes, or none does. A request with no filter at all is refused, so a slip cannot rewrite
 * a whole organization; so is any parameter that is not a filter, since a misspelt filter would
 * otherwise silently widen the update.
 */
export function bulkUpdateTasks(deps: CloseApiDeps) {
  return async (c: CloseApiContext) => {
    const parsed = BulkUpdateTaskBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const { _params, ...changes } = parsed.data;
    const params: Record<string, string> = { ...queryOf(c) };
    for (const [k, v] of Object.entries(_params ?? {})) params[k] = String(v);

    const fieldErrors: Record<string, string> = {};
    for (const key of Object.keys(params)) {
      if (!TASK_FILTER_PARAMS.has(key)) fieldErrors[key] = 'Not a task filter; a bulk update takes only the filters of GET /task/.';
    }
    const user = c.get('user');
    const nowMs = deps.now();
    const offsetHours = readTzOffset(c, fieldErrors);
    const { filters, filterCount } = parseTaskFilters(params, fieldErrors);
    const query = compileTaskQuery(filters, { organizationId: user.organization_id, offsetHours, nowMs });
    if (filterCount === 0 && !fieldErrors.__all__) {
      fieldErrors._params = 'A bulk update needs at least one filter (e.g. id__in, assigned_to, view); it would change every task.';
    }
    if (Object.keys(changes).length === 0) {
      fieldErrors.__all__ = 'Nothing to update: give assigned_to, date, is_complete or priority.';
    }
    const set = compileTaskChanges(deps.db, changes, { organizationId: user.organization_id, userId: user.id, nowMs }, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);

    return c.json({ updated: deps.tasks.updateMatching(query, set) });
  };
}
