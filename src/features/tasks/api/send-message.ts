import { EmailActivitySchema, SmsActivitySchema } from '@/shared/close/activity-schemas';
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

/**
 * `POST /activity/sms/` or `/activity/email/` with status `outbox`: Close sends it. Called once
 * the "Undo send" window has passed (features/tasks/utils/pending-sends.ts), never before.
 */
export function sendMessage(message: MessageDraft) {
  if (message.kind === 'sms') {
    return apiRequest({ method: 'POST', path: '/activity/sms/', body: { status: 'outbox', ...message.draft }, schema: SmsActivitySchema });
  }
  return apiRequest({ method: 'POST', path: '/activity/email/', body: { status: 'outbox', ...message.draft }, schema: EmailActivitySchema });
}
