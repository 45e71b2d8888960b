import { badRequest } from '../http/close-api-error';
import { pickFields, readFields, readPage } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { parseOrderBy, parseTaskFilters } from './task-query';
import { serializeTask } from './serialize-task';

/** `GET /task/`: every documented filter; unknown parameters are ignored, as Close does. */
export function listTasks(deps: CloseApiDeps) {
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const fieldErrors: Record<string, string> = {};
    const nowMs = deps.now();
    const { query } = parseTaskFilters(
      params,
      { organizationId: c.get('user').organization_id, tzOffsetHeader: c.req.header('x-tz-offset'), nowMs },
      fieldErrors,
    );
    const orderBy = parseOrderBy(params._order_by, fieldErrors);
    const { limit, skip } = readPage(params, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const fields = readFields(params);
    const page = deps.tasks.listPage(query, orderBy, limit, skip);
    const ctx = { offsetHours: query.offsetHours, nowMs, publicUrl: deps.publicUrl };
    const data = deps.tasks.rowsBySeq(page.seqs).map((row) => pickFields(serializeTask(row, ctx), fields));
    return c.json({ data, has_more: page.hasMore });
  };
}
