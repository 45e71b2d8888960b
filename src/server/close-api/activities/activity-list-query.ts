import { parseCloseDate } from '@/shared/close/dates';
import { type Page, readPage } from '@/shared/close/list-params';
import { badRequest } from '../http/close-api-error';

/** Close's comma-separated filters on an activity list. */
const ID_FILTERS = { lead_id: 'lead_id', contact_id: 'contact_id', user_id: 'user_id', id__in: 'id' } as const;

/**
 * The dates Close filters activities on. `activity_at` is when the message went (or, for a draft,
 * was made): the column expression the rows serialize it from.
 */
const DATE_FILTERS = { date_created: 'date_created_ms', activity_at: 'COALESCE(date_sent_ms, date_created_ms)' } as const;
const DATE_OPS = { __gt: '>', __gte: '>=', __lt: '<', __lte: '<=' } as const;

export type ActivityListQuery = { where: string; args: (string | number)[]; page: Page };

/**
 * Reads the filters Close documents for `GET /activity/sms/` and `GET /activity/email/`: ids
 * (comma-separated) and date ranges, with `_limit`/`_skip`. A bad value is a 400 naming its
 * parameter; unknown parameters are ignored, as Close does.
 */
export function readActivityListQuery(params: Record<string, string>, organizationId: string): ActivityListQuery {
  const fieldErrors: Record<string, string> = {};
  const page = readPage(params, fieldErrors);
  const where = ['organization_id = ?'];
  const args: (string | number)[] = [organizationId];
  for (const [param, column] of Object.entries(ID_FILTERS)) {
    const raw = params[param];
    if (raw === undefined) continue;
    const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
    where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
    args.push(...values);
  }
  for (const [field, column] of Object.entries(DATE_FILTERS)) {
    for (const [suffix, op] of Object.entries(DATE_OPS)) {
      const param = field + suffix;
      const raw = params[param];
      if (raw === undefined) continue;
      // A date alone is midnight UTC, as a date-time without an offset is.
      const parsed = parseCloseDate(raw);
      if (!parsed) {
        fieldErrors[param] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
        continue;
      }
      where.push(`${column} ${op} ?`);
      args.push(parsed.epochMs);
    }
  }
  if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
  return { where: where.join(' AND '), args, page };
}
