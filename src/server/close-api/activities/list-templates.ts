import { formatCloseDateTime } from '@/shared/close/dates';
import { readPage } from '@/shared/close/list-params';
import { badRequest } from '../http/close-api-error';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';

type TemplateRow = Record<string, string | number | null> & { is_shared: number; date_created_ms: number };

/** One list endpoint per template table: the same paging and organization scope. */
function listTemplates(deps: CloseApiDeps, table: 'sms_templates' | 'email_templates', shape: (row: TemplateRow) => object) {
  return (c: CloseApiContext) => {
    const fieldErrors: Record<string, string> = {};
    const { limit, skip } = readPage(queryOf(c), fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const rows = deps.db
      .prepare<[string, number, number], TemplateRow>(
        `SELECT * FROM ${table} WHERE organization_id = ? ORDER BY name COLLATE NOCASE, seq LIMIT ? OFFSET ?`,
      )
      .all(c.get('user').organization_id, limit + 1, skip);
    return c.json({ data: rows.slice(0, limit).map(shape), has_more: rows.length > limit });
  };
}

const common = (row: TemplateRow) => ({
  id: row.id,
  organization_id: row.organization_id,
  name: row.name,
  is_shared: row.is_shared === 1,
  created_by: row.created_by,
  date_created: formatCloseDateTime(row.date_created_ms),
  date_updated: formatCloseDateTime(row.date_created_ms),
});

/** `GET /sms_template/` */
export const listSmsTemplates = (deps: CloseApiDeps) =>
  listTemplates(deps, 'sms_templates', (row) => ({ ...common(row), text: row.text, status: 'active', attachments: [] }));

/** `GET /email_template/` */
export const listEmailTemplates = (deps: CloseApiDeps) =>
  listTemplates(deps, 'email_templates', (row) => ({
    ...common(row),
    subject: row.subject,
    body: row.body,
    is_archived: false,
    attachments: [],
  }));
