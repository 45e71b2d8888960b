import { randomBytes } from 'node:crypto';
import { parseTaskListQuery } from '@/shared/close/task-filters';
import { viewBoundaryAt } from '@/shared/close/task-view-rule';
import { badRequest } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { readTzOffset } from '../http/tz-offset';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { compileTaskQuery } from './task-query';
import { serializeTask } from './serialize-task';

/**
 * `GET /task/`: every documented filter; unknown parameters are ignored, as Close does.
 *
 * Answers are cached by query, offset, the start of the caller's tomorrow (which decides each
 * task's `view`) and the database's data version, so the same inbox polled by many tabs costs
 * one query per change instead of one per poll. The data version is SQLite's own
 * (`total_changes()` for this connection plus `PRAGMA data_version` for every other writer), so
 * no write path can forget to invalidate it.
 *
 * A cached answer carries an ETag, and a request whose `If-None-Match` names it gets a 304 with
 * no body: Triage's proxy revalidates its copy this way on every request. Close documents no
 * ETags; a client that sends no `If-None-Match` (Close's own) sees no difference. The tag holds a
 * per-process prefix because SQLite's change counters start over with each connection.
 */
export function listTasks(deps: CloseApiDeps) {
  const changes = deps.db.prepare<[], number>('SELECT total_changes()').pluck();
  // Prepared once: db.pragma() prepares a statement on every call, a measurable share of a cached answer.
  const dataVersion = deps.db.prepare<[], number>('PRAGMA data_version').pluck();
  // Bytes, not strings: encoding a 90 kB string to UTF-8 on every hit costs more than the query.
  const cache = new Map<string, { body: Uint8Array<ArrayBuffer>; etag: string }>();
  const encoder = new TextEncoder();
  const MAX_CACHED = 256;
  const etagPrefix = randomBytes(6).toString('base64url');
  let answers = 0;
  return (c: CloseApiContext) => {
    const nowMs = deps.now();
    const fieldErrors: Record<string, string> = {};
    const offset = readTzOffset(c, fieldErrors);
    let cacheKey: string | null = null;
    if (deps.cacheResponses && offset !== null) {
      const url = c.req.url;
      const queryAt = url.indexOf('?');
      cacheKey = [
        c.get('user').organization_id,
        queryAt === -1 ? '' : url.slice(queryAt),
        offset,
        viewBoundaryAt(nowMs, offset),
        changes.get(),
        dataVersion.get(),
      ].join('|');
      const hit = cache.get(cacheKey);
      if (hit !== undefined) {
        if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, { ETag: hit.etag });
        return c.body(hit.body, 200, { 'Content-Type': 'application/json', ETag: hit.etag });
      }
    }
    const { filters, orderBy, page: { limit, skip }, fields } = parseTaskListQuery(queryOf(c), fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const query = compileTaskQuery(filters, { organizationId: c.get('user').organization_id, offsetHours: offset, nowMs });
    const page = deps.tasks.listPage(query, orderBy, limit, skip);
    const ctx = { offsetHours: query.offsetHours, nowMs, publicUrl: deps.publicUrl };
    const data = deps.tasks.rowsBySeq(page.seqs).map((row) => pickFields(serializeTask(row, ctx), fields));
    const body = encoder.encode(JSON.stringify({ data, has_more: page.hasMore })) as Uint8Array<ArrayBuffer>;
    if (!cacheKey) return c.body(body, 200, { 'Content-Type': 'application/json' });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    const etag = `"${etagPrefix}-${++answers}"`;
    cache.set(cacheKey, { body, etag });
    return c.body(body, 200, { 'Content-Type': 'application/json', ETag: etag });
  };
}
