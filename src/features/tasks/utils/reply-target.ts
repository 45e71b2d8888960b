import type { Task } from '@/shared/close/schemas';
import type { Capabilities } from '@/shared/contract/capabilities';

export type ReplyTarget =
  | {
      kind: 'sms';
      leadId: string | null;
      contactId: string | null;
      contactName: string | null;
      /** Their number, E.164. */
      remotePhone: string;
      remoteFormatted: string | null;
      /** The organization's number they wrote or called to: the reply goes out on it. */
      localPhone: string | null;
    }
  | { kind: 'email'; leadId: string | null; contactId: string | null; contactName: string | null; emailIds: readonly string[] };

const PHONE_TYPES = new Set(['incoming_sms', 'missed_call', 'voicemail']);

/** Whom `r` answers, and how: a text to the number of an SMS, MMS, missed call or voicemail; a reply to an email. */
export function replyTargetOf(task: Task): ReplyTarget | null {
  const common = { leadId: task.lead_id, contactId: task.contact_id ?? null, contactName: task.contact_name ?? null };
  if (PHONE_TYPES.has(task._type)) {
    const remotePhone = task._type === 'incoming_sms' ? task.remote_phone : task.phone;
    const remoteFormatted = task._type === 'incoming_sms' ? task.remote_phone_formatted : task.phone_formatted;
    if (!remotePhone) return null;
    return { kind: 'sms', ...common, remotePhone, remoteFormatted: remoteFormatted ?? null, localPhone: task.local_phone ?? null };
  }
  if (task._type === 'incoming_email' && task.emails && task.emails.length > 0) {
    return { kind: 'email', ...common, emailIds: task.emails };
  }
  return null;
}

/**
 * The reply `task` offers on this backend: its target, when the backend declares replies of that
 * kind (`activities.sms` / `activities.email`); none while the capabilities are not known.
 */
export function offeredReplyTarget(task: Task, capabilities: Pick<Capabilities, 'activities'> | undefined): ReplyTarget | null {
  const target = replyTargetOf(task);
  return target && capabilities?.activities[target.kind] ? target : null;
}

/** Close's template placeholders the composer fills in; any other stays as written, for the rep to see. */
export function renderTemplate(text: string, names: { contactFirstName: string | null; userFirstName: string | null }): string {
  return text
    .replace(/\{\{\s*contact\.first_name\s*\}\}/g, names.contactFirstName ?? '')
    .replace(/\{\{\s*user\.first_name\s*\}\}/g, names.userFirstName ?? '');
}

/** "Re: Pricing" stays; "Pricing" becomes "Re: Pricing". */
export function replySubject(subject: string | null | undefined): string {
  const s = (subject ?? '').trim();
  return /^re:/i.test(s) ? s : `Re: ${s}`.trim();
}
