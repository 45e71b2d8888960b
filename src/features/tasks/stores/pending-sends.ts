/**
 * Messages waiting out their "Undo send" window, as in Gmail: a sent SMS or email cannot be
 * taken back, so it leaves only after UNDO_SEND_MS, and Undo within that time drops it (nothing
 * reaches the server, nothing is stored). Then it becomes an outbox record (outbox/
 * message-send-ops.ts): kept in IndexedDB, retried on the network's and Close's transient
 * failures, sent once. Module state, not a component's: the reply dialog closes at once and the
 * message must still leave. A page closed inside the window loses the message, so the page asks
 * before it unloads while one waits.
 */
import type { Task } from '@/shared/close/schemas';
import { browserTimeZone } from '@/shared/close/zones';
import { INFO_TOAST_MS, toastActions } from '@/components/toast/toast-store';
import type { MessageDraft } from '../api/send-message';
import type { MessageSendPayload } from '../outbox/message-send-ops';
import { enqueueTaskChange } from '../outbox/task-outbox';
import { messageSendActions } from './pending-sends-store';

export const UNDO_SEND_MS = 6_000;

export type PendingSend = {
  message: MessageDraft;
  /** "SMS to Dana Whitfield". */
  label: string;
  /** The task it answers (its card shows where the message stands). */
  task: Task;
  /** Complete the task once the message is sent. */
  completeTask: boolean;
  /** Sent, on this page: the caller completes the task (with its Undo) when asked to, and reads the thread again. */
  onSent: () => void;
};

const waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; taskId: string }>();
let seq = 0;

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

function watchUnload(): void {
  if (waiting.size > 0) window.addEventListener('beforeunload', warnBeforeUnload);
  else window.removeEventListener('beforeunload', warnBeforeUnload);
}

/** The window is over: the message is an outbox record from now on. Its outcome is reported by the outbox's wiring. */
function sendThroughOutbox(pending: PendingSend): void {
  const markedAt = Date.now();
  const payload: MessageSendPayload = {
    kind: 'send',
    sendId: `${markedAt.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`,
    message: pending.message,
    markedAt,
    task: pending.task,
    completeTask: pending.completeTask,
    what: pending.label,
    timeZone: browserTimeZone(),
  };
  const queued = enqueueTaskChange(payload, `send the ${pending.label}`);
  messageSendActions().sendChanged(pending.task.id, { phase: 'outbox', message: pending.message, what: pending.label, outboxId: queued.id, reason: null });
  queued.result.then(
    () => pending.onSent(),
    // Refused or discarded: the card and a toast say so, and the words are kept (message-send-outcomes.ts).
    () => {},
  );
}

/** Holds the message for the undo window (with a toast offering Undo), then sends it. */
export function scheduleSend(pending: PendingSend): string {
  const id = `send-${++seq}`;
  const toastId = `toast-${id}`;
  const timer = setTimeout(() => {
    waiting.delete(id);
    watchUnload();
    toastActions().toastDismissed(toastId);
    sendThroughOutbox(pending);
  }, UNDO_SEND_MS);
  waiting.set(id, { timer, taskId: pending.task.id });
  watchUnload();
  messageSendActions().sendChanged(pending.task.id, { phase: 'undo-window', message: pending.message, what: pending.label, outboxId: null, reason: null });
  toastActions().toastShown({
    id: toastId,
    tone: 'info',
    message: `Sending the ${pending.label}…`,
    action: { label: 'Undo send', onAction: () => void cancelSend(id) },
    srHint: 'Undo send is available for a few seconds.',
    durationMs: UNDO_SEND_MS,
  });
  return id;
}

/** Undo: drops the message if it has not left yet (true), and says so. */
export function cancelSend(id: string): boolean {
  const held = waiting.get(id);
  if (held === undefined) return false;
  clearTimeout(held.timer);
  waiting.delete(id);
  watchUnload();
  messageSendActions().sendUndone(held.taskId);
  toastActions().toastDismissed(`toast-${id}`);
  toastActions().toastShown({ tone: 'info', message: 'Sending undone: nothing was sent.', durationMs: INFO_TOAST_MS });
  return true;
}

export const pendingSendCount = () => waiting.size;
