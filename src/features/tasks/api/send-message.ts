import {
  type EmailActivity,
  EmailActivityListSchema,
  EmailActivitySchema,
  type SmsActivity,
  SmsActivityListSchema,
  SmsActivitySchema,
} from '@/shared/close/activity-schemas';
import { apiRequest } from '@/lib/api-client';

export type SmsDraft = { lead_id: string; contact_id: string | null; local_phone: string; remote_phone: string; text: string };
export type EmailDraft = {
  lead_id: string;
  contact_id: string | null;
  sender: string;
  to: string[];
  subject: string;
  body_text: string;
  in_reply_to_id: string | null;
};
export type MessageDraft = { kind: 'sms'; draft: SmsDraft } | { kind: 'email'; draft: EmailDraft };
export type SentMessage = SmsActivity | EmailActivity;

/**
 * `POST /activity/sms/` or `/activity/email/` with status `outbox`: Close sends it. Called by the
 * outbox once the "Undo send" window has passed (stores/pending-sends.ts), never before.
 * `markedAt` goes out as the message's `date_created`, which Close keeps: the mark
 * `findSentMessage` knows this message by when an answer was lost.
 */
export function sendMessage(message: MessageDraft, markedAt: number): Promise<SentMessage> {
  const date_created = new Date(markedAt).toISOString();
  if (message.kind === 'sms') {
    return apiRequest({ method: 'POST', path: '/activity/sms/', body: { status: 'outbox', ...message.draft, date_created }, schema: SmsActivitySchema });
  }
  return apiRequest({ method: 'POST', path: '/activity/email/', body: { status: 'outbox', ...message.draft, date_created }, schema: EmailActivitySchema });
}

/** Around the mark, in case Close stores its dates at a coarser precision than the millisecond. */
const MARK_SLACK_MS = 1_000;
const PAGE = 100;

const sameAddresses = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x.trim().toLowerCase() === b[i]!.trim().toLowerCase());

function isThisMessage(message: MessageDraft, sent: SentMessage): boolean {
  if (message.kind === 'sms') {
    const sms = sent as SmsActivity;
    const { draft } = message;
    return sms.direction === 'outbound' && sms.text === draft.text && sms.remote_phone === draft.remote_phone && sms.local_phone === draft.local_phone;
  }
  const email = sent as EmailActivity;
  const { draft } = message;
  return email.direction !== 'incoming' && (email.subject ?? '') === draft.subject && (email.body_text ?? '') === draft.body_text && sameAddresses(email.to, draft.to);
}

/**
 * The message a lost answer may have left at Close: on the lead, made at its mark (`date_created`),
 * with the same words to the same recipient. Null when Close has no such message (the attempt
 * never arrived), so sending it again sends it once.
 */
export async function findSentMessage(message: MessageDraft, markedAt: number): Promise<SentMessage | null> {
  const query = {
    lead_id: message.draft.lead_id,
    date_created__gte: new Date(markedAt - MARK_SLACK_MS).toISOString(),
    date_created__lte: new Date(markedAt + MARK_SLACK_MS).toISOString(),
    _limit: PAGE,
  };
  const candidates: SentMessage[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page =
      message.kind === 'sms'
        ? await apiRequest({ path: '/activity/sms/', query: { ...query, _skip: skip }, schema: SmsActivityListSchema })
        : await apiRequest({ path: '/activity/email/', query: { ...query, _skip: skip }, schema: EmailActivityListSchema });
    candidates.push(...page.data.filter((sent) => isThisMessage(message, sent)));
    if (!page.has_more) break;
  }
  // The one made at the very millisecond of the mark, else one Close dated a little off it.
  return candidates.find((sent) => Date.parse(sent.date_created) === markedAt) ?? candidates[0] ?? null;
}
