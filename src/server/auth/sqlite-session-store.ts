/**
 * Sessions in SQLite (DATA_DIR/sessions.db): the store of a single instance. A file of its own,
 * apart from the embedded API's database, which lives on another thread and means "Close";
 * sessions belong to the app server in every mode.
 *
 * Sessions found are kept in memory (session-cache.ts), so a request costs no query: an entry
 * goes as this store writes its row, and every entry goes once another connection (another
 * process with the file open) has written, which `PRAGMA data_version` shows. So a session ended
 * anywhere is refused by the very next request, as without the cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SessionCache } from './session-cache';
import type { CredentialKind, SessionStore, StoredOAuthState, StoredSession } from './session-store';

/** Ordered, append-only; `PRAGMA user_version` records how many have run. */
const MIGRATIONS = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     user_json TEXT NOT NULL,
     credential_kind TEXT NOT NULL,
     credential TEXT NOT NULL,
     access_expires_at INTEGER,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     refresh_lease_until INTEGER
   );
   CREATE TABLE oauth_states (
     id TEXT PRIMARY KEY,
     return_to TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );`,
];

type SessionRow = {
  id: string;
  user_json: string;
  credential_kind: CredentialKind;
  credential: string;
  access_expires_at: number | null;
  created_at: number;
  last_seen_at: number;
};

export function sessionsFile(dataDir: string): string {
  return path.join(dataDir, 'sessions.db');
}

export function openSqliteSessionStore(file: string): SessionStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }

  const insert = db.prepare(
    `INSERT INTO sessions (id, user_json, credential_kind, credential, access_expires_at, created_at, last_seen_at)
     VALUES (@id, @user_json, @credential_kind, @credential, @access_expires_at, @created_at, @last_seen_at)`,
  );
  const find = db.prepare<[string], SessionRow>(
    'SELECT id, user_json, credential_kind, credential, access_expires_at, created_at, last_seen_at FROM sessions WHERE id = ?',
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const claim = db.prepare(
    'UPDATE sessions SET refresh_lease_until = ? WHERE id = ? AND (refresh_lease_until IS NULL OR refresh_lease_until < ?)',
  );
  const saveRefreshed = db.prepare('UPDATE sessions SET credential = ?, access_expires_at = ?, refresh_lease_until = NULL WHERE id = ?');
  const release = db.prepare('UPDATE sessions SET refresh_lease_until = NULL WHERE id = ?');
  const insertState = db.prepare('INSERT INTO oauth_states (id, return_to, expires_at) VALUES (?, ?, ?)');
  const takeState = db.prepare<[string], { id: string; return_to: string; expires_at: number }>(
    'DELETE FROM oauth_states WHERE id = ? RETURNING id, return_to, expires_at',
  );
  const expireSessions = db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?');
  const expireStates = db.prepare('DELETE FROM oauth_states WHERE expires_at < ?');
  // Moves when another connection commits; this one's own writes drop their entries as they go.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const cache = new SessionCache();
  let seenVersion = dataVersion.get();

  return {
    async createSession(session) {
      insert.run({
        id: session.id,
        user_json: JSON.stringify(session.user),
        credential_kind: session.credentialKind,
        credential: session.credential,
        access_expires_at: session.accessExpiresAt,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
      });
    },
    async findSession(id, options) {
      const version = dataVersion.get();
      if (version !== seenVersion) {
        cache.clear();
        seenVersion = version;
      }
      const cached = options?.fresh ? undefined : cache.get(id);
      if (cached) return cached;
      const readStarted = cache.startRead();
      const row = find.get(id);
      if (!row) return null;
      const session = sessionFromRow(row);
      cache.keep(id, session, readStarted);
      return session;
    },
    async touchSession(id, lastSeenAt) {
      cache.drop(id);
      touch.run(lastSeenAt, id, lastSeenAt);
    },
    async deleteSession(id) {
      cache.drop(id);
      remove.run(id);
    },
    async claimRefreshLease(id, until, now) {
      return claim.run(until, id, now).changes === 1;
    },
    async saveRefreshedCredential(id, credential, accessExpiresAt) {
      cache.drop(id);
      saveRefreshed.run(credential, accessExpiresAt, id);
    },
    async releaseRefreshLease(id) {
      release.run(id);
    },
    async saveOAuthState(state) {
      insertState.run(state.id, state.returnTo, state.expiresAt);
    },
    async takeOAuthState(id, now) {
      const row = takeState.get(id);
      if (!row || row.expires_at < now) return null;
      return { id: row.id, returnTo: row.return_to, expiresAt: row.expires_at } satisfies StoredOAuthState;
    },
    async deleteExpired(now, idleMs, maxMs) {
      cache.clear();
      expireSessions.run(now - idleMs, now - maxMs);
      expireStates.run(now);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

export function sessionFromRow(row: {
  id: string;
  user_json: string;
  credential_kind: string;
  credential: string;
  access_expires_at: number | string | null;
  created_at: number | string;
  last_seen_at: number | string;
}): StoredSession {
  return {
    id: row.id,
    user: JSON.parse(row.user_json) as StoredSession['user'],
    credentialKind: row.credential_kind === 'oauth' ? 'oauth' : 'api_key',
    credential: row.credential,
    accessExpiresAt: row.access_expires_at === null ? null : Number(row.access_expires_at),
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
  };
}
