import type { CloseApiDeps } from '../close-api-deps';
import { EMAIL_COLUMNS, type EmailRow, serializeEmail } from './activity-rows';
import { listActivities } from './list-activities';

/**
 * `GET /activity/email/`: one object per email, newest first, filtered as the SMS list is (lead,
 * contact, user, ids; `date_created` and `activity_at` ranges) and paged with `_limit`/`_skip`.
 */
export function listEmail(deps: CloseApiDeps) {
  return listActivities<EmailRow>(deps, { table: 'email_activities', columns: EMAIL_COLUMNS, serialize: serializeEmail });
}
