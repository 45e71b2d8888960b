import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { EMAIL_COLUMNS, type EmailRow, serializeEmail } from './activity-rows';

/** `GET /activity/email/{id}/` */
export function getEmail(deps: CloseApiDeps) {
  const stmt = deps.db.prepare<[string, string], EmailRow>(
    `SELECT ${EMAIL_COLUMNS} FROM email_activities WHERE id = ? AND organization_id = ?`,
  );
  return (c: CloseApiContext) => {
    const row = stmt.get(c.req.param('id') ?? '', c.get('user').organization_id);
    if (!row) throw notFound('Email');
    return c.json(pickFields(serializeEmail(row, deps.publicUrl), readFields(queryOf(c))));
  };
}
