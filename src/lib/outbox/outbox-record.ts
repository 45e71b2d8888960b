/**
 * What the outbox keeps and reports: a record (plain data, stored between pages), what an
 * attempt may save, how a record settles, and the snapshot the screen reads.
 */
import type { OutboxStorage } from './outbox-storage';

export type OutboxState = 'queued' | 'sending' | 'waiting' | 'stuck';

export type OutboxRecord<P> = {
  id: string;
  /** Creation time, then `seq` within it: the order of the changes, across pages. */
  createdAt: number;
  seq: number;
  payload: P;
  /** What the change does, for a person: "complete “Call Dana”". */
  label: string;
  state: OutboxState;
  /** Failed attempts so far (offline and sign-in pauses do not count). */
  attempts: number;
  /** When the current run of transient failures began: the give-up clock. */
  retryingSince: number | null;
  nextAttemptAt: number | null;
  /** Why it is still waiting, for the "Saving…" indicator. */
  reason: string | null;
  /**
   * An attempt may have reached the server without its answer reaching us (the network failed,
   * a gateway timed out, the tab closed mid-request). A non-idempotent change must check before
   * sending again; and Undo can no longer simply cancel it.
   */
  uncertain: boolean;
  /** Paused for the person to sign in again; `resumedAfterSignIn`: a second such answer is a refusal. */
  pausedForSignIn: boolean;
  resumedAfterSignIn: boolean;
  /** What `execute` learned and saved between attempts (e.g. the id of a task it created). */
  progress: unknown;
};

export type ExecuteContext = {
  /** Stored before the next step, so a later page resumes from here. */
  saveProgress(progress: unknown): Promise<void>;
};

export type OutboxOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Holds a named lock until the returned release is called (resolves once held). */
export type OutboxLocks = { hold(name: string): Promise<() => void> };

export type OutboxOptions<P> = {
  storage: OutboxStorage<OutboxRecord<P>>;
  execute: (record: OutboxRecord<P>, context: ExecuteContext) => Promise<unknown>;
  keysOf: (payload: P) => readonly string[] | 'all';
  locks?: OutboxLocks;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  /** Attempts in flight at once (for different keys). */
  concurrency?: number;
  /** A record another page left behind is now this page's (its change should be shown as pending). */
  onAdopted?: (record: OutboxRecord<P>) => void;
  /** Every settled record, this page's own or adopted (after the result promise of an own one). */
  onSettled?: (record: OutboxRecord<P>, outcome: OutboxOutcome, adopted: boolean) => void;
};

/** Undo of a change that had not been sent: nothing reached the server. */
export class OutboxCancelledError extends Error {
  override readonly name = 'OutboxCancelledError';
  constructor() {
    super('The change was cancelled before it was sent.');
  }
}

/** The person discarded a change that could not be saved. */
export class OutboxDiscardedError extends Error {
  override readonly name = 'OutboxDiscardedError';
  constructor() {
    super('The change was discarded.');
  }
}

/** Not a failure to report: the person took the change back themselves. */
export function isWithdrawnChange(error: unknown): boolean {
  return error instanceof OutboxCancelledError || error instanceof OutboxDiscardedError;
}

export type OutboxEntryView<P> = Pick<OutboxRecord<P>, 'id' | 'label' | 'payload' | 'state' | 'reason' | 'nextAttemptAt' | 'createdAt'>;
export type OutboxSnapshot<P> = {
  entries: ReadonlyArray<OutboxEntryView<P>>;
  /** Everything waits for this, whatever each entry's own state. */
  pausedFor: 'offline' | 'sign-in' | null;
};
