/**
 * The sessions a store keeps in memory (session-cache.ts), and the SQLite store's use of it:
 * exact, because every other writer shows in `PRAGMA data_version`. PostgreSQL's, across
 * instances, is in shared-postgres-sessions.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import { hashToken, newSessionToken } from './session-cookie';
import type { StoredSession } from './session-store';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';

function session(overrides: Partial<StoredSession> = {}): StoredSession {
  return {
    id: hashToken(newSessionToken()),
    user: { id: 'user_1', email: 'a@example.com', first_name: 'Ann', last_name: 'Lee' },
    credentialKind: 'api_key',
    credential: 'sealed',
    accessExpiresAt: null,
    createdAt: 1_000,
    lastSeenAt: 1_000,
    ...overrides,
  };
}

describe('SessionCache', () => {
  it('keeps what was read, until dropped or past its time to live', () => {
    let now = 0;
    const cache = new SessionCache({ ttlMs: 5_000, now: () => now });
    const s = session();
    cache.keep(s.id, s, cache.startRead());
    expect(cache.get(s.id)).toBe(s);
    now = 4_999;
    expect(cache.get(s.id)).toBe(s);
    now = 5_000;
    expect(cache.get(s.id)).toBeUndefined();
    cache.keep(s.id, s, cache.startRead());
    cache.drop(s.id);
    expect(cache.get(s.id)).toBeUndefined();
  });

  it('keeps nothing read while something was dropped: the read may predate the change', () => {
    const cache = new SessionCache();
    const [a, b] = [session(), session()];
    const readingA = cache.startRead();
    cache.drop(b.id);
    cache.keep(a.id, a, readingA);
    expect(cache.get(a.id)).toBeUndefined();
    const readingB = cache.startRead();
    cache.clear();
    cache.keep(b.id, b, readingB);
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, the oldest going first', () => {
    const cache = new SessionCache({ maxEntries: 2 });
    const all = [session(), session(), session()];
    for (const s of all) cache.keep(s.id, s, cache.startRead());
    expect(all.map((s) => cache.get(s.id) !== undefined)).toEqual([false, true, true]);
  });
});

describe('the SQLite store with its sessions in memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-session-cache-'));
  // Two connections to one file: this process's store, and another writer (another process).
  const store = openSqliteSessionStore(sessionsFile(dir));
  const other = openSqliteSessionStore(sessionsFile(dir));
  afterAll(async () => {
    await store.close();
    await other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers from memory, and sees every change at once: its own, and another connection’s', async () => {
    const s = session();
    await store.createSession(s);
    const found = await store.findSession(s.id);
    expect(found).toEqual(s);
    expect(await store.findSession(s.id)).toBe(found);

    await store.touchSession(s.id, 2_000);
    expect((await store.findSession(s.id))?.lastSeenAt).toBe(2_000);

    await other.saveRefreshedCredential(s.id, 'sealed-again', 9_000);
    expect(await store.findSession(s.id)).toMatchObject({ credential: 'sealed-again', accessExpiresAt: 9_000 });

    await other.deleteSession(s.id);
    expect(await store.findSession(s.id)).toBeNull();
  });

  it('forgets a session it ends, and the ones it sweeps', async () => {
    const [ended, idle] = [session(), session({ lastSeenAt: 100 })];
    for (const s of [ended, idle]) {
      await store.createSession(s);
      expect(await store.findSession(s.id)).not.toBeNull();
    }
    await store.deleteSession(ended.id);
    expect(await store.findSession(ended.id)).toBeNull();
    await store.deleteExpired(10_000, 5_000, 1_000_000);
    expect(await store.findSession(idle.id)).toBeNull();
  });
});
