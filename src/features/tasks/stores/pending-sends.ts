/**
 * Messages waiting out their "Undo send" window, as in Gmail: a sent SMS or email cannot be
 * taken back, so it leaves only after UNDO_SEND_MS, and Undo within that time drops it (nothing
 * reaches the server). Module state, not a component's: the reply dialog closes at once and the
 * message must still leave. A page closed inside the window loses the message, so the page asks
 * before it unloads while one waits.
 */
import { ERROR_TOAST_MS, INFO_TOAST_MS, toastActions } from '@/components/toast/toast-store';
import { type MessageDraft, sendMessage } from '../api/send-message';

export const UNDO_SEND_MS = 6_000;

export type PendingSend = {
  message: MessageDraft;
  /** "SMS to Dana Whitfield". */
  label: string;
  onSent: () => void;
  onFailed: (error: unknown) => void;
};

const waiting = new Map<string, ReturnType<typeof setTimeout>>();
let seq = 0;

function warnBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
}

function watchUnload(): void {
  if (waiting.size > 0) window.addEventListener('beforeunload', warnBeforeUnload);
  else window.removeEventListener('beforeunload', warnBeforeUnload);
}

/** Holds the message for the undo window (with a toast offering Undo), then sends it. */
export function scheduleSend(pending: PendingSend): string {
  const id = `send-${++seq}`;
  const toastId = `toast-${id}`;
  const timer = setTimeout(() => {
    waiting.delete(id);
    watchUnload();
    toastActions().toastDismissed(toastId);
    sendMessage(pending.message).then(
      () => {
        toastActions().toastShown({ tone: 'success', message: `Sent the ${pending.label}`, durationMs: INFO_TOAST_MS });
        pending.onSent();
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : 'unknown error';
        toastActions().toastShown({ tone: 'error', message: `Couldn’t send the ${pending.label}: ${reason}`, durationMs: ERROR_TOAST_MS });
        pending.onFailed(error);
      },
    );
  }, UNDO_SEND_MS);
  waiting.set(id, timer);
  watchUnload();
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
  const timer = waiting.get(id);
  if (timer === undefined) return false;
  clearTimeout(timer);
  waiting.delete(id);
  watchUnload();
  toastActions().toastDismissed(`toast-${id}`);
  toastActions().toastShown({ tone: 'info', message: 'Sending undone: nothing was sent.', durationMs: INFO_TOAST_MS });
  return true;
}

export const pendingSendCount = () => waiting.size;
