import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { type LeadRow, serializeLeads } from './lead-rows';

/** `GET /lead/{id}/` */
export function getLead(deps: CloseApiDeps) {
  const stmt = deps.db.prepare(
    'SELECT id, organization_id, name, date_created, date_updated FROM leads WHERE id = ? AND organization_id = ?',
  );
  return (c: CloseApiContext) => {
    const row = stmt.get(c.req.param('id') ?? '', c.get('user').organization_id) as LeadRow | undefined;
    if (!row) throw notFound('Lead');
    return c.json(pickFields(serializeLeads(deps.db, [row])[0]!, readFields(queryOf(c))));
  };
}
