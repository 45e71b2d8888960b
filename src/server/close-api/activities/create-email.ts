import { CreateEmailActivityBodySchema, emailAddressOf } from '@/shared/close/activity-schemas';
import { fieldErrorsFrom } from '@/shared/close/schemas';
import { newId } from '../../db/ids';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import type { CloseApiContext, CloseApiDeps } from '../close-api-deps';
import { createActivityChecks, postedDateCreated } from './activity-checks';
import { EMAIL_COLUMNS, type EmailRow, serializeEmail } from './activity-rows';

/** Statuses of mail the organization sends itself, so its sender must be one of the organization's. */
const OWN_STATUSES = new Set(['outbox', 'sent']);

/**
 * `POST /activity/email/`. Nothing is delivered: an email posted with status `outbox` is stored
 * and becomes `sent` at once, dated now. A reply (`in_reply_to_id`) joins its parent's thread.
 * Any bad field is a 400 naming it, and nothing is stored.
 */
export function createEmail(deps: CloseApiDeps) {
  const checks = createActivityChecks(deps.db);
  const parentOf = deps.db.prepare<[string, string], { id: string; thread_id: string | null }>(
    'SELECT id, thread_id FROM email_activities WHERE id = ? AND organization_id = ?',
  );
  const insert = deps.db.prepare(
    `INSERT INTO email_activities (id, organization_id, lead_id, contact_id, user_id, thread_id, in_reply_to_id, direction, status,
       sender, recipients, subject, body_text, body_html, attachments, date_created_ms, date_updated_ms, date_sent_ms)
     VALUES (@id, @organization_id, @lead_id, @contact_id, @user_id, @thread_id, @in_reply_to_id, @direction, @status,
       @sender, @recipients, @subject, @body_text, @body_html, '[]', @date_created_ms, @date_updated_ms, @date_sent_ms)`,
  );
  const byId = deps.db.prepare<[string], EmailRow>(`SELECT ${EMAIL_COLUMNS} FROM email_activities WHERE id = ?`);
  return async (c: CloseApiContext) => {
    const parsed = CreateEmailActivityBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const body = parsed.data;
    const user = c.get('user');
    const fieldErrors: Record<string, string> = {};
    if (!body.body_text?.trim() && !body.body_html?.trim()) fieldErrors.body_text = 'An email needs a body_text or a body_html.';
    checks.leadAndContact(user.organization_id, body.lead_id, body.contact_id, fieldErrors);

    const to = body.to ?? [];
    if (to.length === 0 && body.status !== 'draft') fieldErrors.to = 'At least one recipient is required.';
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const bad = (body[field] ?? []).find((address) => emailAddressOf(address) === null);
      if (bad !== undefined) fieldErrors[field] = `Not an email address: ${JSON.stringify(bad)}.`;
    }

    // Close fills in the user's own address for a logged `sent` email without one.
    const sender = body.sender ?? (body.status === 'sent' ? user.email : null);
    if (!sender) {
      if (body.status !== 'draft') fieldErrors.sender = 'This field is required.';
    } else {
      const address = emailAddressOf(sender);
      if (!address) fieldErrors.sender = 'Not an email address: use "Name" <address> or an address.';
      else if (OWN_STATUSES.has(body.status) && !checks.isOrganizationSender(user.organization_id, address)) {
        fieldErrors.sender = 'Not an email address this organization sends from.';
      }
    }

    const parent = body.in_reply_to_id ? parentOf.get(body.in_reply_to_id, user.organization_id) : undefined;
    if (body.in_reply_to_id && !parent) fieldErrors.in_reply_to_id = 'Unknown email.';
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
      thread_id: parent?.thread_id ?? newId('acti'),
      in_reply_to_id: parent?.id ?? null,
      direction: body.status === 'inbox' ? 'incoming' : 'outgoing',
      status,
      sender,
      recipients: JSON.stringify({ to, cc: body.cc ?? [], bcc: body.bcc ?? [] }),
      subject: body.subject ?? '',
      body_text: body.body_text ?? '',
      body_html: body.body_html ?? '',
      date_created_ms: createdMs ?? nowMs,
      date_updated_ms: nowMs,
      date_sent_ms: status === 'draft' ? null : nowMs,
    });
    return c.json(serializeEmail(byId.get(id)!, deps.publicUrl));
  };
}
