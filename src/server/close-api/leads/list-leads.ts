import { readFields, readPage } from '@/shared/close/list-params';
import { badRequest } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { type LeadRow, serializeLeads } from './lead-rows';

/**
 * `GET /lead/?query=…`: Close's query language is far larger; here a query matches leads whose
 * name contains it (case-insensitive), which is what the lead picker needs.
 */
export function listLeads(deps: CloseApiDeps) {
  const stmt = deps.db.prepare(
    `SELECT id, organization_id, name, date_created, date_updated FROM leads
      WHERE organization_id = ? AND name LIKE ? ESCAPE '\\' COLLATE NOCASE
      ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
  );
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const fieldErrors: Record<string, string> = {};
    const { limit, skip } = readPage(params, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const needle = (params.query ?? '').trim().replace(/^name:/i, '').replace(/^"|"$/g, '');
    const like = `%${needle.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const rows = stmt.all(c.get('user').organization_id, like, limit + 1, skip) as LeadRow[];
    const fields = readFields(params);
    return c.json({
      data: serializeLeads(deps.db, rows.slice(0, limit)).map((l) => pickFields(l, fields)),
      has_more: rows.length > limit,
    });
  };
}
