/**
 * Where sessions live: SQLite in DATA_DIR for one instance (sqlite-session-store.ts), PostgreSQL
 * when several instances share them (postgres-session-store.ts). Both keep the same rows and obey
 * the same contract (session-store-suite.ts runs one test body against both).
 *
 * A row is keyed by the SHA-256 of the cookie's token, never the token itself, and its
 * credential is sealed by credential-cipher.ts before it gets here: the store holds nothing a
 * reader of its bytes could sign in with.
 */

/** Who a session is, as Close's `GET /me/` said at sign-in. */
export interface SessionUser {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  organization_id?: string;
}

export type CredentialKind = 'api_key' | 'oauth';

export interface StoredSession {
  /** SHA-256 of the cookie's token, hex. */
  id: string;
  user: SessionUser;
  credentialKind: CredentialKind;
  /** The sealed credential (credential-cipher.ts): an API key, or an access and a refresh token. */
  credential: string;
  /** When the OAuth access token expires (ms since the epoch); null for an API key. */
  accessExpiresAt: number | null;
  createdAt: number;
  lastSeenAt: number;
}

export interface StoredOAuthState {
  /** SHA-256 of the `state` sent to Close, hex. */
  id: string;
  /** The path to return to after sign-in. */
  returnTo: string;
  expiresAt: number;
}

export interface SessionStore {
  createSession(session: StoredSession): Promise<void>;
  /**
   * The session, possibly as this instance keeps it in memory (session-cache.ts: up to date with
   * every end and credential change; its `lastSeenAt` may lag other instances' by seconds);
   * `fresh` reads the row itself.
   */
  findSession(id: string, options?: { fresh?: boolean }): Promise<StoredSession | null>;
  /** Records activity (throttled by the caller: not every request writes). */
  touchSession(id: string, lastSeenAt: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /**
   * Takes the session's refresh lease until `until` when nobody holds it (or theirs ran out by
   * `now`): true for the one caller, across every instance, that may refresh its token now.
   */
  claimRefreshLease(id: string, until: number, now: number): Promise<boolean>;
  /** Stores a refreshed credential (the new refresh token replaces the old) and frees the lease. */
  saveRefreshedCredential(id: string, credential: string, accessExpiresAt: number): Promise<void>;
  releaseRefreshLease(id: string): Promise<void>;
  saveOAuthState(state: StoredOAuthState): Promise<void>;
  /** The state, deleted as it is read (single use), or null when unknown, used or expired. */
  takeOAuthState(id: string, now: number): Promise<StoredOAuthState | null>;
  /** Drops sessions past their idle or absolute lifetime and expired OAuth states. */
  deleteExpired(now: number, idleMs: number, maxMs: number): Promise<void>;
  close(): Promise<void>;
}
