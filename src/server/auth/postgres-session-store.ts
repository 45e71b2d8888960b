/**
 * Sessions in PostgreSQL (DATABASE_URL): the store several instances share, so any of them can
 * serve any session, and a sign-out or a refreshed token is seen by all at once. The tables are
 * created when missing; they carry a `triage_` prefix to sit beside others in a shared database.
 *
 * Sessions found are kept in memory (session-cache.ts), so a request costs no round trip. Every
 * instance announces each session it ends or whose credential it replaces (NOTIFY, sent as the
 * change commits) and listens for the others' announcements, dropping those entries as they
 * arrive: a sign-out on one instance is refused by the others within the time a notification
 * takes (milliseconds). While an instance is not listening (its connection broke, until it is
 * back) it keeps nothing and reads every time; and no entry is trusted longer than `cacheTtlMs`,
 * the bound should an announcement ever be lost. ADR 0012.
 */
import pg from 'pg';
import { SessionCache } from './session-cache';
import { listenForSessionChanges } from './session-change-listener';
import { sessionFromRow } from './sqlite-session-store';
import type { SessionStore } from './session-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS triage_sessions (
    id TEXT PRIMARY KEY,
    user_json TEXT NOT NULL,
    credential_kind TEXT NOT NULL,
    credential TEXT NOT NULL,
    access_expires_at BIGINT,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    refresh_lease_until BIGINT
  );
  CREATE TABLE IF NOT EXISTS triage_oauth_states (
    id TEXT PRIMARY KEY,
    return_to TEXT NOT NULL,
    expires_at BIGINT NOT NULL
  );`;

const FIND_SESSION = `SELECT id, user_json, credential_kind, credential, access_expires_at, created_at, last_seen_at
  FROM triage_sessions WHERE id = $1`;

/** A lock id of our own, so instances starting together do not race to create the tables. */
const SCHEMA_LOCK = 7_326_912_014;

/** The channel every instance announces ended or changed sessions on (payload: the session's id). */
export const SESSION_CHANGES_CHANNEL = 'triage_session_changes';

/** The longest a kept session is trusted without a fresh read, should an announcement be lost. */
export const SESSION_CACHE_TTL_MS = 5_000;

export interface PostgresSessionStoreOptions {
  maxConnections?: number;
  cacheTtlMs?: number;
  /** The cache's clock (tests). */
  now?: () => number;
}

export async function openPostgresSessionStore(url: string, options: PostgresSessionStoreOptions = {}): Promise<SessionStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection that breaks (the server restarts) is replaced on the next query; without
  // a listener its error would end the process.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        await client.query(SCHEMA);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  const cache = new SessionCache({ ttlMs: options.cacheTtlMs ?? SESSION_CACHE_TTL_MS, now: options.now });
  const listener = await listenForSessionChanges(url, SESSION_CHANGES_CHANNEL, {
    changed: (id) => cache.drop(id),
    // Not listening, or listening again after a gap: nothing kept can be trusted.
    lost: () => cache.clear(),
  });
  /** Runs `sql` (which changes rows), then announces the ids it returns to every instance. */
  const changeAndAnnounce = async (sql: string, params: unknown[]) => {
    await pool.query(`WITH changed AS (${sql} RETURNING id) SELECT pg_notify('${SESSION_CHANGES_CHANNEL}', id) FROM changed`, params);
  };

  return {
    async createSession(session) {
      await pool.query(
        `INSERT INTO triage_sessions (id, user_json, credential_kind, credential, access_expires_at, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [session.id, JSON.stringify(session.user), session.credentialKind, session.credential, session.accessExpiresAt, session.createdAt, session.lastSeenAt],
      );
    },
    async findSession(id, options) {
      const cached = listener.listening && !options?.fresh ? cache.get(id) : undefined;
      if (cached) return cached;
      const readStarted = cache.startRead();
      const wasListening = listener.listening;
      const { rows } = await pool.query({ name: 'triage-find-session', text: FIND_SESSION, values: [id] });
      if (!rows[0]) return null;
      const session = sessionFromRow(rows[0]);
      // Kept only if no announcement could have been missed while the row was read.
      if (wasListening && listener.listening) cache.keep(id, session, readStarted);
      return session;
    },
    async touchSession(id, lastSeenAt) {
      await pool.query('UPDATE triage_sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1', [lastSeenAt, id]);
      // Not announced: the others' entries may keep the older time a little longer (an idle
      // lifetime is hours, and an entry that looks expired is read again before it is ended).
      cache.drop(id);
    },
    async deleteSession(id) {
      await changeAndAnnounce('DELETE FROM triage_sessions WHERE id = $1', [id]);
      cache.drop(id);
    },
    async claimRefreshLease(id, until, now) {
      const result = await pool.query(
        'UPDATE triage_sessions SET refresh_lease_until = $1 WHERE id = $2 AND (refresh_lease_until IS NULL OR refresh_lease_until < $3)',
        [until, id, now],
      );
      return result.rowCount === 1;
    },
    async saveRefreshedCredential(id, credential, accessExpiresAt) {
      await changeAndAnnounce('UPDATE triage_sessions SET credential = $1, access_expires_at = $2, refresh_lease_until = NULL WHERE id = $3', [
        credential,
        accessExpiresAt,
        id,
      ]);
      cache.drop(id);
    },
    async releaseRefreshLease(id) {
      await pool.query('UPDATE triage_sessions SET refresh_lease_until = NULL WHERE id = $1', [id]);
    },
    async saveOAuthState(state) {
      await pool.query('INSERT INTO triage_oauth_states (id, return_to, expires_at) VALUES ($1, $2, $3)', [state.id, state.returnTo, state.expiresAt]);
    },
    async takeOAuthState(id, now) {
      const { rows } = await pool.query<{ id: string; return_to: string; expires_at: string }>(
        'DELETE FROM triage_oauth_states WHERE id = $1 RETURNING id, return_to, expires_at',
        [id],
      );
      const row = rows[0];
      if (!row || Number(row.expires_at) < now) return null;
      return { id: row.id, returnTo: row.return_to, expiresAt: Number(row.expires_at) };
    },
    async deleteExpired(now, idleMs, maxMs) {
      await changeAndAnnounce('DELETE FROM triage_sessions WHERE last_seen_at < $1 OR created_at < $2', [now - idleMs, now - maxMs]);
      await pool.query('DELETE FROM triage_oauth_states WHERE expires_at < $1', [now]);
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
