/**
 * The wire contract for Close's email and SMS activities and their templates: responses loose,
 * requests strict (see schemas.ts). The embedded API validates with the request schemas; the
 * browser parses answers with the response ones.
 */
import { z } from 'zod/mini';
import { AttachmentSchema, listResponseSchema } from './schemas';

const nullableString = z.nullable(z.string());

export const EMAIL_STATUSES = ['inbox', 'draft', 'outbox', 'sent'] as const;
export const SMS_STATUSES = ['inbox', 'draft', 'outbox', 'sent'] as const;

export const EmailActivitySchema = z.looseObject({
  id: z.string(),
  _type: z.optional(z.string()),
  organization_id: z.optional(z.string()),
  lead_id: nullableString,
  contact_id: z.optional(nullableString),
  user_id: z.optional(nullableString),
  thread_id: z.optional(nullableString),
  in_reply_to_id: z.optional(nullableString),
  direction: z.optional(nullableString),
  status: z.string(),
  sender: z.optional(nullableString),
  to: z.array(z.string()),
  cc: z.optional(z.array(z.string())),
  bcc: z.optional(z.array(z.string())),
  subject: z.optional(nullableString),
  body_text: z.optional(nullableString),
  body_html: z.optional(nullableString),
  body_preview: z.optional(nullableString),
  attachments: z.optional(z.nullable(z.array(AttachmentSchema))),
  date_created: z.string(),
  date_updated: z.optional(z.string()),
  date_sent: z.optional(nullableString),
});
export type EmailActivity = z.infer<typeof EmailActivitySchema>;
export const EmailActivityListSchema = listResponseSchema(EmailActivitySchema);

export const SmsActivitySchema = z.looseObject({
  id: z.string(),
  _type: z.optional(z.string()),
  organization_id: z.optional(z.string()),
  lead_id: nullableString,
  contact_id: z.optional(nullableString),
  user_id: z.optional(nullableString),
  direction: z.string(),
  status: z.string(),
  local_phone: z.optional(nullableString),
  remote_phone: z.optional(nullableString),
  text: z.optional(nullableString),
  attachments: z.optional(z.nullable(z.array(AttachmentSchema))),
  date_created: z.string(),
  date_updated: z.optional(z.string()),
  date_sent: z.optional(nullableString),
});
export type SmsActivity = z.infer<typeof SmsActivitySchema>;
export const SmsActivityListSchema = listResponseSchema(SmsActivitySchema);

export const SmsTemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  is_shared: z.optional(z.boolean()),
  status: z.optional(z.string()),
});
export type SmsTemplate = z.infer<typeof SmsTemplateSchema>;
export const SmsTemplateListSchema = listResponseSchema(SmsTemplateSchema);

export const EmailTemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  subject: z.optional(z.string()),
  body: z.optional(z.string()),
  is_shared: z.optional(z.boolean()),
  is_archived: z.optional(z.boolean()),
});
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;
export const EmailTemplateListSchema = listResponseSchema(EmailTemplateSchema);

const id = z.string().check(z.minLength(1));
const emailList = z.array(z.string().check(z.maxLength(320))).check(z.maxLength(100));

/** `POST /activity/email/`: the fields the embedded API implements (no scheduling or templates). */
export const CreateEmailActivityBodySchema = z.strictObject({
  status: z.enum(EMAIL_STATUSES),
  lead_id: id,
  contact_id: z.optional(z.nullable(id)),
  sender: z.optional(z.nullable(z.string().check(z.maxLength(400)))),
  to: z.optional(emailList),
  cc: z.optional(emailList),
  bcc: z.optional(emailList),
  subject: z.optional(z.nullable(z.string().check(z.maxLength(1_000)))),
  body_text: z.optional(z.nullable(z.string().check(z.maxLength(200_000)))),
  body_html: z.optional(z.nullable(z.string().check(z.maxLength(1_000_000)))),
  in_reply_to_id: z.optional(z.nullable(id)),
  /** Close keeps a posted `date_created` (as for an import); the app's sends carry their own as a marker. */
  date_created: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});
export type CreateEmailActivityBody = z.infer<typeof CreateEmailActivityBodySchema>;

/** `POST /activity/sms/`: the fields the embedded API implements (no scheduling, templates or media). */
export const CreateSmsActivityBodySchema = z.strictObject({
  status: z.enum(SMS_STATUSES),
  lead_id: id,
  contact_id: z.optional(z.nullable(id)),
  local_phone: z.optional(z.nullable(z.string())),
  remote_phone: z.optional(z.nullable(z.string())),
  text: z.optional(z.nullable(z.string().check(z.maxLength(10_000)))),
  direction: z.optional(z.enum(['inbound', 'outbound'])),
  date_created: z.optional(z.nullable(z.string().check(z.maxLength(64)))),
});
export type CreateSmsActivityBody = z.infer<typeof CreateSmsActivityBodySchema>;

/** `"Name" <address>` or a bare address → the address, lower-cased; null when it is neither. */
export function emailAddressOf(value: string): string | null {
  const angle = /<([^<>\s]+)>\s*$/.exec(value);
  const address = (angle ? angle[1]! : value).trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(address) ? address.toLowerCase() : null;
}
