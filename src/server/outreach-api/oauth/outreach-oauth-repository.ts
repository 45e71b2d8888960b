/**
 * Codes and tokens of the stand-in's OAuth, stored by SHA-256 digest. A code works once (a second
 * use revokes its grant); each refresh rotates: the refresh token presented stops working and a
 * new pair is issued, the refresh token again good for its full lifetime.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/open-database';
import { CODE_TTL_MS, EXPIRED_TOKENS_KEPT_MS, type GrantRefusal, createCodeSpender, digestOf, randomToken } from '../../embedded-oauth/grant-secrets';

export type Grant = { grantId: string; clientId: string; userId: number; scope: string };
export type IssuedTokens = Grant & { accessToken: string; refreshToken: string };
export type TokenLifetimes = { accessTtlMs: number; refreshTtlMs: number };

type CodeRow = { grant_id: string; client_id: string; user_id: number; redirect_uri: string; scope: string; expires_ms: number; used_ms: number | null };
type TokenRow = { grant_id: string; client_id: string; user_id: number; scope: string; expires_ms: number };

export function createOutreachOAuthRepository(db: Db) {
  const insertCode = db.prepare(
    'INSERT INTO oauth_codes (code_hash, grant_id, client_id, user_id, redirect_uri, scope, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const spendCode = createCodeSpender(db, db.prepare<[string], CodeRow>('SELECT * FROM oauth_codes WHERE code_hash = ?'));
  const insertToken = db.prepare(
    'INSERT INTO oauth_tokens (token_hash, kind, grant_id, client_id, user_id, scope, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const refreshByHash = db.prepare<[string], TokenRow>(`SELECT * FROM oauth_tokens WHERE token_hash = ? AND kind = 'refresh'`);
  const deleteToken = db.prepare('DELETE FROM oauth_tokens WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM oauth_tokens WHERE expires_ms < ?');
  const deleteOldCodes = db.prepare('DELETE FROM oauth_codes WHERE expires_ms < ?');

  const issue = (grant: Grant, life: TokenLifetimes, nowMs: number): IssuedTokens => {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    insertToken.run(digestOf(accessToken), 'access', grant.grantId, grant.clientId, grant.userId, grant.scope, nowMs + life.accessTtlMs);
    insertToken.run(digestOf(refreshToken), 'refresh', grant.grantId, grant.clientId, grant.userId, grant.scope, nowMs + life.refreshTtlMs);
    deleteExpired.run(nowMs - EXPIRED_TOKENS_KEPT_MS);
    return { ...grant, accessToken, refreshToken };
  };

  return {
    createCode(input: { clientId: string; userId: number; redirectUri: string; scope: string }, nowMs: number): string {
      const code = randomToken();
      deleteOldCodes.run(nowMs - CODE_TTL_MS);
      insertCode.run(digestOf(code), crypto.randomUUID(), input.clientId, input.userId, input.redirectUri, input.scope, nowMs + CODE_TTL_MS);
      return code;
    },

    exchangeCode(input: { code: string; clientId: string; redirectUri: string }, life: TokenLifetimes, nowMs: number): IssuedTokens | { refused: GrantRefusal } {
      return db.transaction((): IssuedTokens | { refused: GrantRefusal } => {
        const row = spendCode(input, nowMs);
        if ('refused' in row) return row;
        return issue({ grantId: row.grant_id, clientId: row.client_id, userId: row.user_id, scope: row.scope }, life, nowMs);
      })();
    },

    refresh(input: { refreshToken: string; clientId: string }, life: TokenLifetimes, nowMs: number): IssuedTokens | { refused: GrantRefusal } {
      return db.transaction((): IssuedTokens | { refused: GrantRefusal } => {
        const hash = digestOf(input.refreshToken);
        const row = refreshByHash.get(hash);
        if (!row) return { refused: 'unknown' };
        if (row.expires_ms <= nowMs) return { refused: 'expired' };
        if (row.client_id !== input.clientId) return { refused: 'wrong-client' };
        deleteToken.run(hash);
        return issue({ grantId: row.grant_id, clientId: row.client_id, userId: row.user_id, scope: row.scope }, life, nowMs);
      })();
    },
  };
}

export type OutreachOAuthRepository = ReturnType<typeof createOutreachOAuthRepository>;
