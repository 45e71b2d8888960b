/**
 * The embedded API's OAuth state: authorization codes and access/refresh tokens. Only SHA-256
 * digests are stored (the raw values leave in one answer and are never kept), so reading the
 * database grants nothing.
 */
import crypto from 'node:crypto';
import type { Db } from '../../db/open-database';
import { CODE_TTL_MS, EXPIRED_TOKENS_KEPT_MS, type GrantRefusal, createCodeSpender, digestOf, randomToken } from '../../embedded-oauth/grant-secrets';

export type GrantHolder = { grantId: string; clientId: string; userId: string; organizationId: string };

export type IssuedTokens = GrantHolder & { accessToken: string; refreshToken: string; accessExpiresMs: number };

type CodeRow = { grant_id: string; client_id: string; user_id: string; organization_id: string; redirect_uri: string; expires_ms: number; used_ms: number | null };
type TokenRow = { grant_id: string; client_id: string; user_id: string; organization_id: string };

export function createOAuthRepository(db: Db) {
  const insertCode = db.prepare(
    `INSERT INTO oauth_codes (code_hash, grant_id, client_id, user_id, organization_id, redirect_uri, expires_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const spendCode = createCodeSpender(
    db,
    db.prepare<[string], CodeRow>('SELECT grant_id, client_id, user_id, organization_id, redirect_uri, expires_ms, used_ms FROM oauth_codes WHERE code_hash = ?'),
  );
  const deleteOldCodes = db.prepare('DELETE FROM oauth_codes WHERE expires_ms < ?');
  const insertToken = db.prepare(
    `INSERT INTO oauth_tokens (token_hash, kind, grant_id, client_id, user_id, organization_id, expires_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const refreshByHash = db.prepare<[string], TokenRow>(
    `SELECT t.grant_id, t.client_id, t.user_id, t.organization_id
       FROM oauth_tokens t JOIN memberships m ON m.user_id = t.user_id AND m.organization_id = t.organization_id
      WHERE t.token_hash = ? AND t.kind = 'refresh'`,
  );
  const deleteToken = db.prepare('DELETE FROM oauth_tokens WHERE token_hash = ?');
  const deleteExpiredAccess = db.prepare(`DELETE FROM oauth_tokens WHERE kind = 'access' AND expires_ms < ?`);

  const issue = (holder: GrantHolder, accessTtlMs: number, nowMs: number): IssuedTokens => {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const accessExpiresMs = nowMs + accessTtlMs;
    const { grantId, clientId, userId, organizationId } = holder;
    insertToken.run(digestOf(accessToken), 'access', grantId, clientId, userId, organizationId, accessExpiresMs);
    insertToken.run(digestOf(refreshToken), 'refresh', grantId, clientId, userId, organizationId, null);
    return { ...holder, accessToken, refreshToken, accessExpiresMs };
  };

  return {
    /** A new single-use code for one consent; returns the raw code for the redirect. */
    createCode(holder: Omit<GrantHolder, 'grantId'> & { redirectUri: string }, nowMs: number): string {
      const code = randomToken();
      deleteOldCodes.run(nowMs - CODE_TTL_MS);
      insertCode.run(digestOf(code), crypto.randomUUID(), holder.clientId, holder.userId, holder.organizationId, holder.redirectUri, nowMs + CODE_TTL_MS);
      return code;
    },

    /** Trades a code for the first tokens of its grant; a second exchange revokes the grant. */
    exchangeCode(
      input: { code: string; clientId: string; redirectUri: string; accessTtlMs: number },
      nowMs: number,
    ): IssuedTokens | { refused: GrantRefusal } {
      return db.transaction((): IssuedTokens | { refused: GrantRefusal } => {
        const row = spendCode(input, nowMs);
        if ('refused' in row) return row;
        deleteExpiredAccess.run(nowMs - EXPIRED_TOKENS_KEPT_MS);
        const holder = { grantId: row.grant_id, clientId: row.client_id, userId: row.user_id, organizationId: row.organization_id };
        return issue(holder, input.accessTtlMs, nowMs);
      })();
    },

    /** Rotates: the refresh token presented stops working and a new pair is issued. */
    refresh(input: { refreshToken: string; clientId: string; accessTtlMs: number }, nowMs: number): IssuedTokens | { refused: GrantRefusal } {
      return db.transaction((): IssuedTokens | { refused: GrantRefusal } => {
        const hash = digestOf(input.refreshToken);
        const row = refreshByHash.get(hash);
        if (!row) return { refused: 'unknown' };
        if (row.client_id !== input.clientId) return { refused: 'wrong-client' };
        deleteToken.run(hash);
        deleteExpiredAccess.run(nowMs - EXPIRED_TOKENS_KEPT_MS);
        const holder = { grantId: row.grant_id, clientId: row.client_id, userId: row.user_id, organizationId: row.organization_id };
        return issue(holder, input.accessTtlMs, nowMs);
      })();
    },
  };
}

export type OAuthRepository = ReturnType<typeof createOAuthRepository>;
