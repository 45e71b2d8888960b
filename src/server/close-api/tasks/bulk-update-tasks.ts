import { BulkUpdateTaskBodySchema, fieldErrorsFrom } from '@/shared/close/schemas';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { compileTaskChanges } from './task-changes';
import { FILTER_PARAMS, parseTaskFilters } from './task-query';

/**
 * `PUT /task/`: the GET filters in the query string, or in `_params` in the body (the body's
 * win), and only assigned_to, date and is_complete. One transaction: every matching task
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
      if (!FILTER_PARAMS.has(key)) fieldErrors[key] = 'Not a task filter; a bulk update takes only the filters of GET /task/.';
    }
    const user = c.get('user');
    const nowMs = deps.now();
    const { query, filterCount } = parseTaskFilters(
      params,
      { organizationId: user.organization_id, tzOffsetHeader: c.req.header('x-tz-offset'), nowMs },
      fieldErrors,
    );
    if (filterCount === 0 && !fieldErrors.__all__) {
      fieldErrors._params = 'A bulk update needs at least one filter (e.g. id__in, assigned_to, view); it would change every task.';
    }
    if (Object.keys(changes).length === 0) {
      fieldErrors.__all__ = 'Nothing to update: give assigned_to, date or is_complete.';
    }
    const set = compileTaskChanges(deps.db, changes, { organizationId: user.organization_id, userId: user.id, nowMs }, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);

    const updated = deps.db.transaction(() => {
      const seqs = deps.tasks.matchingSeqs(query);
      const stmt = deps.tasks.prepare(`UPDATE tasks SET ${set.sql} WHERE seq = ?`);
      for (const seq of seqs) stmt.run(...set.params, seq);
      return seqs.length;
    })();
    return c.json({ updated });
  };
}
