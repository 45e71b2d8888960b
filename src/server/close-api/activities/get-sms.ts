import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { SMS_COLUMNS, type SmsRow, serializeSms } from './activity-rows';

/** `GET /activity/sms/{id}/` */
export function getSms(deps: CloseApiDeps) {
  const stmt = deps.db.prepare<[string, string], SmsRow>(
    `SELECT ${SMS_COLUMNS} FROM sms_activities WHERE id = ? AND organization_id = ?`,
  );
  return (c: CloseApiContext) => {
    const row = stmt.get(c.req.param('id') ?? '', c.get('user').organization_id);
    if (!row) throw notFound('SMS');
    return c.json(pickFields(serializeSms(row, deps.publicUrl), readFields(queryOf(c))));
  };
}
