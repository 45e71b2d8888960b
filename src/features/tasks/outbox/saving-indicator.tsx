/**
 * What the outbox is doing, quietly: "Saving… 3 · waiting for Close's rate limit, 2 s" in the
 * header while changes wait (the oldest one's reason), nothing once all are saved. Messages on
 * their way count among them. A change that could not be saved for ten minutes is listed under
 * the header with Retry and Discard ("Not saved: …", or "Not sent: …" for a message): never
 * dropped silently.
 */
import { useEffect, useState } from 'react';
import type { OutboxSnapshot } from '@/lib/outbox/outbox';
import type { TaskChangePayload } from './task-change-ops';
import { taskOutbox } from './task-outbox';
import { useOutboxSnapshot } from './use-outbox-snapshot';

/** The current time, ticking each second while `active` (for "2 s" countdowns). */
function useSecondsClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [active]);
  return active ? Math.max(now, Date.now()) : now;
}

export function describeWait(snapshot: OutboxSnapshot<TaskChangePayload>, nowMs: number): string | null {
  if (snapshot.pausedFor === 'offline') return 'offline';
  if (snapshot.pausedFor === 'sign-in') return 'waiting for you to sign in again';
  const oldest = snapshot.entries.find((e) => e.state !== 'stuck');
  if (!oldest?.reason) return null;
  if (oldest.state !== 'waiting' || oldest.nextAttemptAt === null) return oldest.reason;
  return `${oldest.reason}, ${Math.max(1, Math.ceil((oldest.nextAttemptAt - nowMs) / 1_000))} s`;
}

export function SavingIndicator() {
  const snapshot = useOutboxSnapshot();
  const saving = snapshot.entries.filter((e) => e.state !== 'stuck');
  const now = useSecondsClock(saving.some((e) => e.state === 'waiting'));
  if (saving.length === 0) return null;
  const why = describeWait(snapshot, now);
  return (
    <p role="status" data-testid="saving-indicator" className="text-xs text-slate-600 dark:text-slate-400">
      Saving… {saving.length}
      {why ? <span> · {why}</span> : null}
    </p>
  );
}

export function UnsavedChanges() {
  const stuck = useOutboxSnapshot().entries.filter((e) => e.state === 'stuck');
  if (stuck.length === 0) return null;
  return (
    <section
      aria-label="Changes not saved"
      data-testid="unsaved-changes"
      className="bg-red-50 px-4 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <ul className="mx-auto flex max-w-4xl flex-col gap-1">
        {stuck.map((change) => (
          <li key={change.id} className="flex flex-wrap items-center gap-2">
            <span className="min-w-0 flex-1">
              {change.payload.kind === 'send' ? `Not sent: ${change.payload.what}` : `Not saved: ${change.label}`}
              {change.reason ? ` (${change.reason})` : ''}
            </span>
            <button type="button" className="rounded px-2 font-semibold underline-offset-2 hover:underline" onClick={() => taskOutbox.retry(change.id)}>
              Retry
            </button>
            <button type="button" className="rounded px-2 font-semibold underline-offset-2 hover:underline" onClick={() => taskOutbox.discard(change.id)}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
