/**
 * The secrets of the stand-ins' OAuth (codes, access and refresh tokens) and the rules a code
 * obeys, whichever stand-in issued it. Only SHA-256 digests are stored (the raw values leave in
 * one answer and are never kept), so reading a database grants nothing.
 */
import crypto from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/sqlite';

/** How long a code may wait for its exchange; Close's and Outreach's are short-lived too. */
export const CODE_TTL_MS = 60_000;
/** Expired tokens are kept a day, so a late request hears "expired" rather than "unknown". */
export const EXPIRED_TOKENS_KEPT_MS = 86_400_000;

/** Why a code or refresh token was refused; all are `invalid_grant` on the wire. */
export type GrantRefusal = 'unknown' | 'expired' | 'reused' | 'wrong-client' | 'wrong-redirect-uri';

export function digestOf(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export type StoredCode = { grant_id: string; client_id: string; redirect_uri: string; expires_ms: number; used_ms: number | null };

function codeRefusal(row: StoredCode | undefined, input: { clientId: string; redirectUri: string }, nowMs: number): GrantRefusal | null {
  if (!row) return 'unknown';
  if (row.used_ms !== null) return 'reused';
  if (row.expires_ms <= nowMs) return 'expired';
  if (row.client_id !== input.clientId) return 'wrong-client';
  if (row.redirect_uri !== input.redirectUri) return 'wrong-redirect-uri';
  return null;
}

/**
 * Spends codes of a stand-in's `oauth_codes` (read through `codeByHash`, which selects the row
 * with what the stand-in keeps on it). A code works once: a second use is refused and revokes
 * every token of its grant in `oauth_tokens` (RFC 6749 §4.1.2: the code may have leaked). Call it
 * inside the transaction that issues the tokens.
 */
export function createCodeSpender<Row extends StoredCode>(db: Db, codeByHash: Statement<[string], Row>) {
  const markCodeUsed = db.prepare('UPDATE oauth_codes SET used_ms = ? WHERE code_hash = ? AND used_ms IS NULL');
  const deleteGrant = db.prepare('DELETE FROM oauth_tokens WHERE grant_id = ?');
  return (input: { code: string; clientId: string; redirectUri: string }, nowMs: number): Row | { refused: GrantRefusal } => {
    const hash = digestOf(input.code);
    const row = codeByHash.get(hash);
    const refused = codeRefusal(row, input, nowMs);
    if (refused === 'reused' && row) deleteGrant.run(row.grant_id);
    if (refused || !row) return { refused: refused ?? 'unknown' };
    markCodeUsed.run(nowMs, hash);
    return row;
  };
}
