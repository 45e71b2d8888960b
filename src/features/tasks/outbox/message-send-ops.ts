/**
 * A message (a text back or an email reply) as an outbox record: after its "Undo send" window it
 * is kept, retried and sent once like any task change. Sending is not idempotent (Close has no
 * idempotency key for activities), so each message carries a mark of its own, the moment its Undo
 * window ended, posted as its `date_created` (Close keeps it). An attempt whose answer was lost
 * (`uncertain`: no answer, a gateway's 502/504, a cut-off body, the page closed mid-request)
 * first looks the message up by that mark and its words; found, it is not sent again.
 */
import type { Task } from '@/shared/close/schemas';
import type { OutboxRecord } from '@/lib/outbox/outbox';
import { type MessageDraft, type SentMessage, findSentMessage, sendMessage } from '../api/send-message';

export type MessageSendPayload = {
  kind: 'send';
  /** Its own ordering key: a message waits for no task change, and none waits for it. */
  sendId: string;
  message: MessageDraft;
  /** When the Undo window ended: the message's `date_created` at Close, its mark for the look-up. */
  markedAt: number;
  /** The task it answers, as it was: for its card's status and for editing a refused draft. */
  task: Task;
  /** Complete the task once the message is sent (the form's "Complete the task" box). */
  completeTask: boolean;
  /** "SMS to Dana Whitfield". */
  what: string;
  timeZone: string;
};

export async function sendMessageRecord(record: OutboxRecord<MessageSendPayload>): Promise<SentMessage> {
  const { message, markedAt } = record.payload;
  if (record.uncertain) {
    const sent = await findSentMessage(message, markedAt);
    if (sent) return sent;
  }
  return sendMessage(message, markedAt);
}
