import { dayBoundsAt, parseTzOffset } from '@/shared/close/dates';
import { badRequest } from '../http/close-api-error';
import { pickFields, readFields, readPage } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { parseOrderBy, parseTaskFilters } from './task-query';
import { serializeTask } from './serialize-task';

/**
 * `GET /task/`: every documented filter; unknown parameters are ignored, as Close does.
 *
 * Answers are cached by query, offset, the start of the caller's tomorrow (which decides each
 * task's `view`) and the database's data version, so the same inbox polled by many tabs costs
 * one query per change instead of one per poll. The data version is SQLite's own
 * (`total_changes()` for this connection plus `PRAGMA data_version` for every other writer), so
 * no write path can forget to invalidate it.
 */
export function listTasks(deps: CloseApiDeps) {
  const changes = deps.db.prepare<[], number>('SELECT total_changes()').pluck();
  // Bytes, not strings: encoding a 90 kB string to UTF-8 on every hit costs more than the query.
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  const encoder = new TextEncoder();
  const MAX_CACHED = 256;
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const nowMs = deps.now();
    const offsetHeader = c.req.header('x-tz-offset');
    const offset = parseTzOffset(offsetHeader);
    const cacheKey =
      deps.cacheResponses && offset !== null
        ? [
            c.get('user').organization_id,
            new URL(c.req.url).search,
            offset,
            dayBoundsAt(nowMs, offset).tomorrowStart,
            changes.get(),
            deps.db.pragma('data_version', { simple: true }),
          ].join('|')
        : null;
    const hit = cacheKey ? cache.get(cacheKey) : undefined;
    if (hit !== undefined) return c.body(hit, 200, { 'Content-Type': 'application/json' });
    const fieldErrors: Record<string, string> = {};
    const { query } = parseTaskFilters(
      params,
      { organizationId: c.get('user').organization_id, tzOffsetHeader: offsetHeader, nowMs },
      fieldErrors,
    );
    const orderBy = parseOrderBy(params._order_by, fieldErrors);
    const { limit, skip } = readPage(params, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const fields = readFields(params);
    const page = deps.tasks.listPage(query, orderBy, limit, skip);
    const ctx = { offsetHours: query.offsetHours, nowMs, publicUrl: deps.publicUrl };
    const data = deps.tasks.rowsBySeq(page.seqs).map((row) => pickFields(serializeTask(row, ctx), fields));
    const body = encoder.encode(JSON.stringify({ data, has_more: page.hasMore })) as Uint8Array<ArrayBuffer>;
    if (cacheKey) {
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(cacheKey, body);
    }
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  };
}
