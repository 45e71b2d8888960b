import { CreateSmsActivityBodySchema } from '@/shared/close/activity-schemas';
import { fieldErrorsFrom } from '@/shared/close/schemas';
import { MAX_SMS_SEGMENTS, smsSegments } from '@/shared/close/sms-segments';
import { newId } from '../../db/ids';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import type { CloseApiContext, CloseApiDeps } from '../close-api-deps';
import { createActivityChecks, postedDateCreated, E164 } from './activity-checks';
import { SMS_COLUMNS, type SmsRow, serializeSms } from './activity-rows';

/**
 * `POST /activity/sms/`. Nothing is delivered: a message posted with status `outbox` is stored
 * and becomes `sent` at once, dated now, which is what a client reading it back from Close sees a
 * moment later. Any bad field is a 400 naming it, and nothing is stored.
 */
export function createSms(deps: CloseApiDeps) {
  const checks = createActivityChecks(deps.db);
  const insert = deps.db.prepare(
    `INSERT INTO sms_activities (id, organization_id, lead_id, contact_id, user_id, direction, status, local_phone, remote_phone,
       text, attachments, date_created_ms, date_updated_ms, date_sent_ms)
     VALUES (@id, @organization_id, @lead_id, @contact_id, @user_id, @direction, @status, @local_phone, @remote_phone,
       @text, '[]', @date_created_ms, @date_updated_ms, @date_sent_ms)`,
  );
  const byId = deps.db.prepare<[string], SmsRow>(`SELECT ${SMS_COLUMNS} FROM sms_activities WHERE id = ?`);
  return async (c: CloseApiContext) => {
    const parsed = CreateSmsActivityBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const body = parsed.data;
    const user = c.get('user');
    const fieldErrors: Record<string, string> = {};
    const text = body.text ?? '';
    if (!text.trim()) fieldErrors.text = 'A message needs a text.';
    else {
      const { segments, encoding } = smsSegments(text);
      if (segments > MAX_SMS_SEGMENTS) {
        fieldErrors.text = `Too long: ${segments} segments (${encoding}); at most ${MAX_SMS_SEGMENTS}.`;
      }
    }
    const leadOk = checks.leadAndContact(user.organization_id, body.lead_id, body.contact_id, fieldErrors);
    const local = body.local_phone ?? '';
    if (!local) fieldErrors.local_phone = 'This field is required.';
    else if (!E164.test(local)) fieldErrors.local_phone = 'Use E.164, e.g. +14155550100.';
    else if (!checks.isOrganizationNumber(user.organization_id, local)) fieldErrors.local_phone = "Not one of the organization's phone numbers.";
    const remote = body.remote_phone ?? '';
    if (!remote) fieldErrors.remote_phone = 'This field is required.';
    else if (!E164.test(remote)) fieldErrors.remote_phone = 'Use E.164, e.g. +14155550100.';
    else if (leadOk && !checks.isLeadPhone(body.lead_id, remote)) fieldErrors.remote_phone = "Not a phone number of this lead's contacts.";
    const createdMs = postedDateCreated(body.date_created, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);

    const nowMs = deps.now();
    const status = body.status === 'outbox' ? 'sent' : body.status;
    const id = newId('acti');
    insert.run({
      id,
      organization_id: user.organization_id,
      lead_id: body.lead_id,
      contact_id: body.contact_id ?? null,
      user_id: user.id,
      direction: body.direction ?? (body.status === 'inbox' ? 'inbound' : 'outbound'),
      status,
      local_phone: local,
      remote_phone: remote,
      text,
      date_created_ms: createdMs ?? nowMs,
      date_updated_ms: nowMs,
      date_sent_ms: status === 'draft' ? null : nowMs,
    });
    return c.json(serializeSms(byId.get(id)!, deps.publicUrl));
  };
}
