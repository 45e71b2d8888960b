/**
 * Where a task's latest message stands, on its card: "Sending…" while it waits out its Undo
 * window or sits in the outbox, "Sent" once Close has it, "Not sent" with Retry and Discard once
 * the outbox gave up on it, and "Not sent" with Close's reason (and Edit, which opens the reply
 * with the words kept) when it was refused or discarded.
 */
import { dialogActions } from '../../stores/dialog-store';
import { useMessageSendStatus } from '../../stores/pending-sends-store';
import type { Task } from '@/shared/close/schemas';
import { taskOutbox } from '../../outbox/task-outbox';
import { useOutboxSnapshot } from '../../outbox/use-outbox-snapshot';

const LINK_BUTTON = 'rounded px-1.5 font-semibold underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-700';

export function MessageSendStatus({ task }: { task: Task }) {
  const status = useMessageSendStatus(task.id);
  const snapshot = useOutboxSnapshot();
  if (!status || status.phase === 'undone') return null;
  const entry = status.outboxId ? snapshot.entries.find((e) => e.id === status.outboxId) : undefined;
  const outboxId = status.outboxId;
  if (status.phase === 'undo-window' || (status.phase === 'outbox' && entry?.state !== 'stuck')) {
    return (
      <p role="status" data-testid="message-send-status" data-phase="sending" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Sending… {status.what}
      </p>
    );
  }
  if (status.phase === 'sent') {
    return (
      <p role="status" data-testid="message-send-status" data-phase="sent" className="mt-1 text-xs text-emerald-800 dark:text-emerald-300">
        Sent: {status.what}
      </p>
    );
  }
  const stuck = status.phase === 'outbox' && outboxId !== null;
  const reason = stuck ? entry?.reason : status.reason;
  return (
    <p data-testid="message-send-status" data-phase="not-sent" className="mt-1 flex flex-wrap items-center gap-1 text-xs text-red-800 dark:text-red-300">
      <span>
        Not sent: {status.what}
        {reason ? ` (${reason})` : ''}
      </span>
      {stuck ? (
        <>
          <button type="button" className={LINK_BUTTON} onClick={() => taskOutbox.retry(outboxId)}>
            Retry
          </button>
          <button type="button" className={LINK_BUTTON} onClick={() => taskOutbox.discard(outboxId)}>
            Discard
          </button>
        </>
      ) : (
        <button type="button" className={LINK_BUTTON} onClick={() => dialogActions().dialogOpened({ kind: 'reply', task })}>
          Edit and resend
        </button>
      )}
    </p>
  );
}

/** In the reply form, above words that did not go out. */
export function KeptDraftNotice({ reason }: { reason: string | null }) {
  return (
    <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      {reason ? `Not sent: ${reason}. Your message is below: fix it and send it again.` : 'Not sent. Your message is below: send it again when it is ready.'}
    </p>
  );
}
