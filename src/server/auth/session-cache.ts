/**
 * Live sessions kept in memory by a store, so a request does not read its session's row each
 * time. Each store says when an entry is no longer to be trusted: the SQLite store drops an entry
 * as it writes to its row, and everything once another connection has written
 * (`PRAGMA data_version`); the PostgreSQL store as every instance's writes are announced
 * (LISTEN/NOTIFY), with `ttlMs` bounding an entry's life should an announcement be lost.
 *
 * A read that was under way while an entry was dropped may have seen the row before the write:
 * its result is returned but not kept (`epoch`). Entries are shared: callers must not change them.
 */
import type { StoredSession } from './session-store';

export interface SessionCacheOptions {
  /** Most sessions kept; the oldest go first. */
  maxEntries?: number;
  /** How long an entry is trusted at most (ms); Infinity when every change is seen. */
  ttlMs?: number;
  now?: () => number;
}

export class SessionCache {
  private readonly entries = new Map<string, { session: StoredSession; at: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Moves on every drop: a read that began before it keeps nothing. */
  private epoch = 0;

  constructor(options: SessionCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? Infinity;
    this.now = options.now ?? Date.now;
  }

  get(id: string): StoredSession | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.ttlMs !== Infinity && this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.session;
  }

  /** Call before reading a row; pass the result to `keep` with the row. */
  startRead(): number {
    return this.epoch;
  }

  keep(id: string, session: StoredSession, readStarted: number): void {
    if (readStarted !== this.epoch) return;
    this.entries.delete(id);
    this.entries.set(id, { session, at: this.now() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  drop(id: string): void {
    this.epoch++;
    this.entries.delete(id);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
