import { badRequest } from '../http/close-api-error';
import { pickFields, readFields, readPage } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { SMS_COLUMNS, type SmsRow, serializeSms } from './activity-rows';

/** Close's comma-separated filters on the activity list. */
const LIST_FILTERS = { lead_id: 'lead_id', contact_id: 'contact_id', user_id: 'user_id', id__in: 'id' } as const;

/**
 * `GET /activity/sms/`: newest first, as Close lists activities, filtered by lead, contact, user
 * or ids (each comma-separated); unknown parameters are ignored, as Close does.
 */
export function listSms(deps: CloseApiDeps) {
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const fieldErrors: Record<string, string> = {};
    const { limit, skip } = readPage(params, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const where = ['organization_id = ?'];
    const args: (string | number)[] = [c.get('user').organization_id];
    for (const [param, column] of Object.entries(LIST_FILTERS)) {
      const raw = params[param];
      if (raw === undefined) continue;
      const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
      where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...values);
    }
    const rows = deps.db
      .prepare<(string | number)[], SmsRow>(
        `SELECT ${SMS_COLUMNS} FROM sms_activities WHERE ${where.join(' AND ')}
          ORDER BY date_created_ms DESC, seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, limit + 1, skip);
    const fields = readFields(params);
    const data = rows.slice(0, limit).map((row) => pickFields(serializeSms(row, deps.publicUrl), fields));
    return c.json({ data, has_more: rows.length > limit });
  };
}
