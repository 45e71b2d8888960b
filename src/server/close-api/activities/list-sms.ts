import type { CloseApiDeps } from '../close-api-deps';
import { SMS_COLUMNS, type SmsRow, serializeSms } from './activity-rows';
import { listActivities } from './list-activities';

/**
 * `GET /activity/sms/`: newest first, as Close lists activities, filtered by lead, contact, user
 * or ids (each comma-separated) and by `date_created` or `activity_at` ranges.
 */
export function listSms(deps: CloseApiDeps) {
  return listActivities<SmsRow>(deps, { table: 'sms_activities', columns: SMS_COLUMNS, serialize: serializeSms });
}
