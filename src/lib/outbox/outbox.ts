/**
 * The outbox: every change the person makes is a record here until the server has it.
 *   - A record is written to storage (IndexedDB) before its first attempt, so a change made just
 *     before the tab closed is sent by the next page of the browser.
 *   - Changes that touch the same keys (task ids) go out in the order they were made: a later
 *     one waits until every earlier one touching one of its keys has settled. `'all'` (a change
 *     whose tasks are not known in advance) waits for everything before it, and everything after
 *     waits for it.
 *   - Failed attempts are classified (retry-policy.ts): transient ones are retried with backoff,
 *     offline pauses everything until the browser is online, a 429 holds every change back until
 *     the rate limit resets, "sign in again" pauses until a request succeeds again; after
 *     GIVE_UP_AFTER_MS of transient failures a change is "stuck" (shown as "Not saved", with
 *     Retry and Discard). A refusal settles the change with the server's error.
 *   - Each record is held under a lock (Web Locks across tabs) for as long as a tab works on it:
 *     two tabs never send the same record; when a tab closes, its locks are released and another
 *     tab (or the next page) takes its records over.
 * Backend-neutral: what a record means and how it is sent is the caller's `execute`.
 */
import { type FailureStep, failureStep } from './retry-policy';
import {
  type ExecuteContext,
  type OutboxLocks,
  type OutboxOptions,
  type OutboxOutcome,
  type OutboxRecord,
  type OutboxSnapshot,
  OutboxCancelledError,
  OutboxDiscardedError,
} from './outbox-record';

export type { ExecuteContext, OutboxEntryView, OutboxLocks, OutboxOptions, OutboxOutcome, OutboxRecord, OutboxSnapshot, OutboxState } from './outbox-record';
export { OutboxCancelledError, OutboxDiscardedError, isWithdrawnChange } from './outbox-record';

type Entry<P> = {
  record: OutboxRecord<P>;
  /** This page holds the record's lock and has stored it: it may send it. */
  owned: boolean;
  adopted: boolean;
  /** Its lock has been asked for. */
  owning: boolean;
  release: (() => void) | null;
  settle: ((outcome: OutboxOutcome) => void) | null;
};

const noLocks: OutboxLocks = { hold: async () => () => {} };
let seqCounter = 0;

export class Outbox<P> {
  private readonly entries = new Map<string, Entry<P>>();
  private readonly listeners = new Set<() => void>();
  private snapshot: OutboxSnapshot<P> = { entries: [], pausedFor: null };
  private started = false;
  private signInPaused = false;
  /** A 429 holds every change back until then (the limit is per key, not per request). */
  private gateUntil = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushQueued = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly locks: OutboxLocks;
  private readonly isOnline: () => boolean;

  constructor(private readonly options: OutboxOptions<P>) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.locks = options.locks ?? noLocks;
    this.isOnline = options.isOnline ?? (() => true);
  }

  /** Loads what earlier pages left and starts sending (own changes made before this wait for it). */
  async start(): Promise<void> {
    if (this.started) return;
    let stored: OutboxRecord<P>[] = [];
    try {
      stored = await this.options.storage.getAll();
    } catch {
      // No storage (a private window may refuse IndexedDB): this page's changes still go out.
    }
    for (const record of stored) {
      if (this.entries.has(record.id)) continue;
      this.entries.set(record.id, { record, owned: false, adopted: true, owning: true, release: null, settle: null });
      if (record.pausedForSignIn) this.signInPaused = true;
      this.options.onAdopted?.(record);
      void this.adopt(record.id);
    }
    this.started = true;
    this.changed();
  }

  /** Records a change; `result` settles with the server's answer, or its refusal. */
  enqueue(payload: P, label: string): { id: string; result: Promise<unknown> } {
    const createdAt = this.now();
    const seq = ++seqCounter;
    const id = `${createdAt.toString(36)}-${seq.toString(36)}-${Math.floor(this.random() * 1e9).toString(36)}`;
    const record: OutboxRecord<P> = {
      id, createdAt, seq, payload, label, state: 'queued', attempts: 0, retryingSince: null, nextAttemptAt: null,
      reason: null, uncertain: false, pausedForSignIn: false, resumedAfterSignIn: false, progress: null,
    };
    let settle: (outcome: OutboxOutcome) => void = () => {};
    const result = new Promise<unknown>((resolve, reject) => {
      settle = (outcome) => (outcome.ok ? resolve(outcome.value) : reject(outcome.error));
    });
    // Nothing else happens in the caller's task (a key press): the lock, the storage and the
    // listeners are seen to in the next one.
    this.entries.set(id, { record, owned: false, adopted: false, owning: false, release: null, settle });
    this.changed();
    return { id, result };
  }

  /** Undo before sending: drops the change (true) unless an attempt may have reached the server. */
  cancel(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry || entry.record.state === 'sending' || entry.record.uncertain) return false;
    this.finish(entry, { ok: false, error: new OutboxCancelledError() });
    return true;
  }

  /** A stuck change, tried again from the start of its give-up clock. */
  retry(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.record.state !== 'stuck') return;
    Object.assign(entry.record, { state: 'queued', attempts: 0, retryingSince: null, nextAttemptAt: null, reason: null });
    this.persist(entry);
    this.changed();
  }

  discard(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.record.state === 'sending') return;
    this.finish(entry, { ok: false, error: new OutboxDiscardedError() });
  }

  /** Offline or online again: offline time does not count against the give-up clock. */
  connectivityChanged(): void {
    if (this.isOnline()) {
      for (const { record } of this.entries.values()) {
        record.retryingSince = null;
        if (record.state === 'waiting') record.nextAttemptAt = this.now();
      }
    }
    this.changed();
  }

  /** A request succeeded with the person's session: changes paused for sign-in go out again. */
  signedIn(): void {
    if (!this.signInPaused) return;
    this.signInPaused = false;
    for (const entry of this.entries.values()) {
      if (!entry.record.pausedForSignIn) continue;
      entry.record.pausedForSignIn = false;
      entry.record.resumedAfterSignIn = true;
      this.persist(entry);
    }
    this.changed();
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  pendingRecords(): OutboxRecord<P>[] {
    return this.ordered().map((e) => e.record);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot = (): OutboxSnapshot<P> => this.snapshot;

  private ordered(): Entry<P>[] {
    return [...this.entries.values()].sort((a, b) => a.record.createdAt - b.record.createdAt || a.record.seq - b.record.seq);
  }

  private async own(entry: Entry<P>): Promise<void> {
    const release = await this.locks.hold(`outbox:${entry.record.id}`);
    if (this.entries.get(entry.record.id) !== entry) return release();
    entry.release = release;
    try {
      await this.options.storage.put(entry.record);
    } catch {
      // Not stored: still sent by this page.
    }
    entry.owned = true;
    this.changed();
  }

  /** Waits for the page that worked on the record to let go (it closed, or it finished). */
  private async adopt(id: string): Promise<void> {
    const release = await this.locks.hold(`outbox:${id}`);
    const entry = this.entries.get(id);
    const stored = entry ? await this.options.storage.get(id).catch(() => undefined) : undefined;
    if (!entry || !stored) {
      release();
      if (entry) this.entries.delete(id);
      this.changed();
      return;
    }
    // A record left "sending" lost its answer with the page that sent it.
    if (stored.state === 'sending') Object.assign(stored, { state: 'queued', uncertain: true });
    entry.record = stored;
    entry.release = release;
    entry.owned = true;
    this.persist(entry);
    this.changed();
  }

  private persist(entry: Entry<P>): Promise<void> {
    if (!entry.owned) return Promise.resolve();
    return this.options.storage.put(entry.record).catch(() => {});
  }

  private finish(entry: Entry<P>, outcome: OutboxOutcome): void {
    if (this.entries.get(entry.record.id) !== entry) return;
    this.entries.delete(entry.record.id);
    const release = entry.release;
    void this.options.storage
      .remove(entry.record.id)
      .catch(() => {})
      .finally(() => release?.());
    entry.settle?.(outcome);
    this.options.onSettled?.(entry.record, outcome, entry.adopted);
    this.changed();
  }

  /** Something moved: look for work and tell the listeners, once, in a task of its own. */
  private changed(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setTimeout(() => {
      this.flushQueued = false;
      this.flush();
    }, 0);
  }

  private flush(): void {
    for (const entry of this.entries.values()) {
      if (entry.owning) continue;
      entry.owning = true;
      void this.own(entry);
    }
    this.snapshot = {
      entries: this.ordered().map(({ record: r }) => ({
        id: r.id, label: r.label, payload: r.payload, state: r.state, reason: r.reason, nextAttemptAt: r.nextAttemptAt, createdAt: r.createdAt,
      })),
      pausedFor: !this.isOnline() ? 'offline' : this.signInPaused ? 'sign-in' : null,
    };
    for (const listener of [...this.listeners]) listener();
    this.pump();
  }

  private pump(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.started || this.signInPaused || !this.isOnline()) return;
    const now = this.now();
    if (now < this.gateUntil) {
      this.wakeAt(this.gateUntil);
      return;
    }
    const concurrency = this.options.concurrency ?? 3;
    const ordered = this.ordered();
    let inFlight = ordered.filter((e) => e.record.state === 'sending').length;
    const busyKeys = new Set<string>();
    let barrier = false;
    let earlier = false;
    let wake = Infinity;
    for (const entry of ordered) {
      const keys = this.options.keysOf(entry.record.payload);
      const blocked = barrier || (keys === 'all' ? earlier : keys.some((k) => busyKeys.has(k)));
      if (keys === 'all') barrier = true;
      else for (const k of keys) busyKeys.add(k);
      earlier = true;
      const { record } = entry;
      if (blocked || !entry.owned || record.state === 'sending' || record.state === 'stuck') continue;
      if (record.state === 'waiting' && (record.nextAttemptAt ?? 0) > now) {
        wake = Math.min(wake, record.nextAttemptAt ?? now);
        continue;
      }
      if (inFlight >= concurrency) break;
      inFlight++;
      void this.attempt(entry);
    }
    if (wake < Infinity) this.wakeAt(wake);
  }

  private wakeAt(at: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.max(0, at - this.now()));
  }

  private async attempt(entry: Entry<P>): Promise<void> {
    const { record } = entry;
    record.state = 'sending';
    await this.persist(entry);
    if (this.entries.get(record.id) !== entry) return;
    this.changed();
    const context: ExecuteContext = {
      saveProgress: (progress) => {
        record.progress = progress;
        return this.persist(entry);
      },
    };
    let value: unknown;
    try {
      value = await this.options.execute(record, context);
    } catch (error) {
      this.failed(entry, error);
      return;
    }
    this.finish(entry, { ok: true, value });
  }

  private failed(entry: Entry<P>, error: unknown): void {
    const { record } = entry;
    const step: FailureStep = failureStep(record, error, { now: this.now(), random: this.random, online: this.isOnline() });
    if (step.kind === 'refused') {
      this.finish(entry, { ok: false, error });
      return;
    }
    Object.assign(record, step.patch);
    if (step.kind === 'sign-in') this.signInPaused = true;
    if (step.gateUntil !== undefined) this.gateUntil = Math.max(this.gateUntil, step.gateUntil);
    void this.persist(entry);
    this.changed();
  }
}
