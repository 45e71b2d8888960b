import { formatCloseDateTime } from '@/shared/close/dates';
import type { EmailActivity, SmsActivity } from '@/shared/close/activity-schemas';
import type { Attachment } from '@/shared/close/schemas';

export type EmailRow = {
  id: string;
  organization_id: string;
  lead_id: string | null;
  contact_id: string | null;
  user_id: string | null;
  thread_id: string | null;
  in_reply_to_id: string | null;
  direction: string;
  status: string;
  sender: string | null;
  recipients: string;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  attachments: string;
  date_created_ms: number;
  date_updated_ms: number;
  date_sent_ms: number | null;
};

export type SmsRow = {
  id: string;
  organization_id: string;
  lead_id: string | null;
  contact_id: string | null;
  user_id: string | null;
  direction: string;
  status: string;
  local_phone: string | null;
  remote_phone: string | null;
  text: string;
  attachments: string;
  date_created_ms: number;
  date_updated_ms: number;
  date_sent_ms: number | null;
};

/** Demo media are stored root-relative; Close's clients expect absolute URLs on the API's host. */
function absoluteAttachments(json: string, publicUrl: string): Attachment[] {
  const absolute = (url: unknown) => (typeof url === 'string' && url.startsWith('/') ? publicUrl + url : url);
  return (JSON.parse(json) as Attachment[]).map((a) => ({
    ...a,
    url: absolute(a.url) as string,
    ...('thumbnail_url' in a ? { thumbnail_url: absolute(a.thumbnail_url) as string | null } : {}),
  }));
}

const dateOrNull = (ms: number | null) => (ms === null ? null : formatCloseDateTime(ms));

/** Close's preview: the start of the text, on one line. */
function previewOf(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export function serializeEmail(row: EmailRow, publicUrl: string): EmailActivity {
  const recipients = JSON.parse(row.recipients) as { to?: string[]; cc?: string[]; bcc?: string[] };
  return {
    _type: 'Email',
    id: row.id,
    organization_id: row.organization_id,
    lead_id: row.lead_id,
    contact_id: row.contact_id,
    user_id: row.user_id,
    thread_id: row.thread_id,
    in_reply_to_id: row.in_reply_to_id,
    direction: row.direction,
    status: row.status,
    sender: row.sender,
    to: recipients.to ?? [],
    cc: recipients.cc ?? [],
    bcc: recipients.bcc ?? [],
    subject: row.subject,
    body_text: row.body_text,
    body_html: row.body_html,
    body_preview: previewOf(row.body_text),
    attachments: absoluteAttachments(row.attachments, publicUrl),
    activity_at: formatCloseDateTime(row.date_sent_ms ?? row.date_created_ms),
    date_created: formatCloseDateTime(row.date_created_ms),
    date_updated: formatCloseDateTime(row.date_updated_ms),
    date_sent: dateOrNull(row.date_sent_ms),
  };
}

export function serializeSms(row: SmsRow, publicUrl: string): SmsActivity {
  return {
    _type: 'SMS',
    id: row.id,
    organization_id: row.organization_id,
    lead_id: row.lead_id,
    contact_id: row.contact_id,
    user_id: row.user_id,
    direction: row.direction,
    status: row.status,
    local_phone: row.local_phone,
    remote_phone: row.remote_phone,
    text: row.text,
    attachments: absoluteAttachments(row.attachments, publicUrl),
    activity_at: formatCloseDateTime(row.date_sent_ms ?? row.date_created_ms),
    date_created: formatCloseDateTime(row.date_created_ms),
    date_updated: formatCloseDateTime(row.date_updated_ms),
    date_sent: dateOrNull(row.date_sent_ms),
  };
}

export const EMAIL_COLUMNS = `id, organization_id, lead_id, contact_id, user_id, thread_id, in_reply_to_id, direction, status,
  sender, recipients, subject, body_text, body_html, attachments, date_created_ms, date_updated_ms, date_sent_ms`;
export const SMS_COLUMNS = `id, organization_id, lead_id, contact_id, user_id, direction, status, local_phone, remote_phone,
  text, attachments, date_created_ms, date_updated_ms, date_sent_ms`;
