/**
 * What the screen does when a message's outbox record settles, whichever page made it: its
 * card's status, and the one message for its outcome. A message left by a closed page (adopted)
 * is reported here in full, as its own page would have: "Sent the …", and the completion of its
 * task when that was asked for. On its own page, the completion goes through the task actions
 * instead (stores/pending-sends.ts), with their Undo.
 */
import { ERROR_TOAST_MS, INFO_TOAST_MS, toastActions } from '@/components/toast/toast-store';
import { type OutboxOutcome, OutboxDiscardedError } from '@/lib/outbox/outbox';
import { dialogActions } from '../stores/dialog-store';
import { messageSendActions } from '../stores/pending-sends-store';
import { taskTitle } from '../utils/task-title';
import type { MessageSendPayload } from './message-send-ops';
import type { TaskChangePayload } from './task-change-ops';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The card shows it as on its way (a page that took over another page's record). */
export function messageSendAdopted(payload: MessageSendPayload, outboxId: string): void {
  messageSendActions().sendChanged(payload.task.id, { phase: 'outbox', message: payload.message, what: payload.what, outboxId, reason: null });
}

/** Returns the completion of the task to queue, for an adopted message that asked for one. */
export function messageSendSettled(
  payload: MessageSendPayload,
  outcome: OutboxOutcome,
  adopted: boolean,
): { payload: TaskChangePayload; label: string } | null {
  const { task, message, what } = payload;
  const base = { message, what, outboxId: null };
  if (outcome.ok) {
    messageSendActions().sendChanged(task.id, { ...base, phase: 'sent', reason: null });
    toastActions().toastShown({ tone: 'success', message: `Sent the ${what}`, durationMs: INFO_TOAST_MS });
    if (!adopted || !payload.completeTask || task.is_complete) return null;
    return {
      payload: { kind: 'update', taskId: task.id, body: { is_complete: true }, before: task, patch: { is_complete: true }, timeZone: payload.timeZone },
      label: `complete “${taskTitle(task)}”`,
    };
  }
  const discarded = outcome.error instanceof OutboxDiscardedError;
  const reason = discarded ? null : reasonOf(outcome.error);
  messageSendActions().sendChanged(task.id, { ...base, phase: discarded ? 'discarded' : 'refused', reason });
  // The words are kept: the reply form opens with them.
  const edit = { label: 'Edit and resend', onAction: () => dialogActions().dialogOpened({ kind: 'reply', task }) };
  toastActions().toastShown(
    discarded
      ? { tone: 'info', message: `Discarded the ${what}: nothing was sent. Its words are kept in the reply.`, action: edit, durationMs: INFO_TOAST_MS }
      : { tone: 'error', message: `Couldn’t send the ${what}: ${reason}`, action: edit, durationMs: ERROR_TOAST_MS },
  );
  return null;
}
