/**
 * Who a request acts as upstream: the session its cookie names (with that person's own key or
 * OAuth token), or, with no cookie at all and sign-in optional, the server's default key.
 *
 * Per request this costs one store lookup, nearly always answered from the store's memory
 * (session-cache.ts); activity is written at most once a minute per session.
 * An OAuth access token is refreshed shortly before it expires, one refresh at a time per
 * session: concurrent requests on this instance share one (`refreshing`), and across instances
 * the store's lease lets one through while the others re-read until the credential changes.
 * Every refresh stores the new refresh token in place of the old one, which Close voids.
 *
 * A connector whose backend refuses a token before its stated expiry (revoked, or expired early)
 * asks for a forced refresh (`renew`): the same path, single-flight per session on this instance
 * and under the store's lease across instances, skipped when the row already holds a credential
 * other than the refused one (another request renewed it first).
 */
import type { Logger } from '../logger';
import { basicAuthorization } from '../proxy/forward-request';
import type { AuthContext } from './auth-settings';
import { openCredential, sealCredential } from './credential-cipher';
import { findLiveSession } from './live-session';
import { isTokenShaped, readSessionToken } from './session-cookie';
import type { StoredSession } from './session-store';
import { AuthCallFailure, bearerAuthorization, requestTokens } from './upstream-auth-calls';
import {
  type CredentialRefusal,
  type CredentialResolution,
  type CredentialResolver,
  SIGN_IN_EXPIRED,
  type UpstreamCredential,
  SIGN_IN_REQUIRED,
  copyKeyOf,
  fixedCredential,
} from './upstream-credential';

/** Always the one key: the app as it was before sessions (tests, and the proxy's own tests). */
export function fixedCredentialResolver(apiKey: string): CredentialResolver {
  return fixedCredential(basicAuthorization(apiKey));
}

/** A token this close to expiry is refreshed before use. */
const REFRESH_BEFORE_MS = 60_000;

/** Close's: a key as Basic, an OAuth token as Bearer. */
export function closeAuthorizationOf(credential: { apiKey: string } | { accessToken: string }): string {
  return 'apiKey' in credential ? basicAuthorization(credential.apiKey) : bearerAuthorization(credential.accessToken);
}
/** How long one instance may hold a session's refresh before another may try. */
const REFRESH_LEASE_MS = 15_000;
/** Between re-reads while another instance refreshes. */
const LEASE_POLL_MS = 100;
/** Activity is recorded at most this often per session. */
const TOUCH_EVERY_MS = 60_000;
/** Opened credentials kept in memory, so a busy session is not decrypted and hashed per request. */
const OPENED_CREDENTIALS = 5_000;

export function createCredentialResolver(auth: AuthContext, logger: Logger): CredentialResolver {
  const { settings, store, cipher, now } = auth;
  const authorizationOf = settings.authorizationOf ?? closeAuthorizationOf;
  const fallback = settings.defaultApiKey === null ? null : fixedCredential(authorizationOf({ apiKey: settings.defaultApiKey }));
  const refreshing = new Map<string, Promise<StoredSession | CredentialRefusal>>();
  const touchEvery = Math.min(TOUCH_EVERY_MS, settings.idleMs / 10);
  // Keyed by the sealed value as stored: a refreshed credential is a new key, and an entry is only
  // ever found through a live row that holds it.
  const opened = new Map<string, UpstreamCredential>();

  function open(session: StoredSession): UpstreamCredential | null {
    const known = opened.get(session.credential);
    if (known?.sessionId === session.id) return known;
    const credential = openCredential(cipher, session.credential, session.id);
    if (!credential) return null;
    const authorization = authorizationOf(credential);
    const upstream: UpstreamCredential = { authorization, copyKey: copyKeyOf(authorization), sessionId: session.id };
    opened.set(session.credential, upstream);
    if (opened.size > OPENED_CREDENTIALS) opened.delete(opened.keys().next().value!);
    return upstream;
  }

  async function fromSession(token: string): Promise<CredentialResolution> {
    let session = await findLiveSession(auth, token);
    if (!session) return SIGN_IN_REQUIRED;
    const { id } = session;
    const at = now();
    if (at - session.lastSeenAt >= touchEvery) await store.touchSession(id, at);
    if (session.credentialKind === 'oauth' && (session.accessExpiresAt ?? 0) - at < REFRESH_BEFORE_MS) {
      const refreshed = await refreshOnce(session);
      if ('status' in refreshed) return refreshed;
      session = refreshed;
    }
    const credential = open(session);
    if (!credential) {
      // Sealed under another SESSION_SECRET, or tampered with: no one can act with it.
      await store.deleteSession(id);
      return SIGN_IN_REQUIRED;
    }
    return credential;
  }

  /** `refusedAuthorization`: a forced refresh, of the credential the upstream just refused. */
  function refreshOnce(session: StoredSession, refusedAuthorization?: string): Promise<StoredSession | CredentialRefusal> {
    let running = refreshing.get(session.id);
    if (!running) {
      running = refreshAcrossInstances(session, refusedAuthorization).finally(() => refreshing.delete(session.id));
      refreshing.set(session.id, running);
    }
    return running;
  }

  async function refreshAcrossInstances(seen: StoredSession, refusedAuthorization?: string): Promise<StoredSession | CredentialRefusal> {
    const deadline = now() + REFRESH_LEASE_MS * 2;
    for (;;) {
      const at = now();
      if (await store.claimRefreshLease(seen.id, at + REFRESH_LEASE_MS, at)) return refreshHoldingLease(seen.id, refusedAuthorization);
      // Another instance refreshes: its new credential shows up in the row.
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      const current = await store.findSession(seen.id, { fresh: true });
      if (!current) return SIGN_IN_EXPIRED;
      if (current.credential !== seen.credential) return current;
      if (now() > deadline) return { status: 504, body: { error: 'Renewing your Close sign-in took too long. Try again.' } };
    }
  }

  async function refreshHoldingLease(id: string, refusedAuthorization?: string): Promise<StoredSession | CredentialRefusal> {
    // The row as it is now: the credential kept in memory may be one another instance just replaced.
    const session = await store.findSession(id, { fresh: true });
    if (!session) return SIGN_IN_EXPIRED;
    const at = now();
    // Refreshed by another instance between our read and our lease.
    const renewedMeanwhile =
      refusedAuthorization === undefined ? (session.accessExpiresAt ?? 0) - at >= REFRESH_BEFORE_MS : open(session)?.authorization !== refusedAuthorization;
    if (renewedMeanwhile) {
      await store.releaseRefreshLease(id);
      return session;
    }
    const credential = openCredential(cipher, session.credential, id);
    if (!credential || !('refreshToken' in credential) || !settings.oauth) {
      await store.deleteSession(id);
      return SIGN_IN_EXPIRED;
    }
    try {
      const answer = await requestTokens(settings.oauth, { grant_type: 'refresh_token', refresh_token: credential.refreshToken }, settings.timeoutMs);
      const sealed = sealCredential(cipher, { accessToken: answer.access_token, refreshToken: answer.refresh_token }, id);
      const accessExpiresAt = now() + answer.expires_in * 1000;
      await store.saveRefreshedCredential(id, sealed, accessExpiresAt);
      return { ...session, credential: sealed, accessExpiresAt };
    } catch (error) {
      if (!(error instanceof AuthCallFailure)) {
        await store.releaseRefreshLease(id);
        throw error;
      }
      if (error.kind === 'refused') {
        await store.deleteSession(id);
        return SIGN_IN_EXPIRED;
      }
      await store.releaseRefreshLease(id);
      logger.warn('OAuth token refresh failed', { reason: error.message });
      return { status: error.status === 504 ? 504 : 502, body: { error: `Your Close sign-in could not be renewed: ${error.message}` } };
    }
  }

  return {
    resolve(c) {
      const token = readSessionToken(c);
      if (token === undefined) return fallback ? fallback.resolve(c) : SIGN_IN_REQUIRED;
      // A cookie that names no session (ended, expired, forged) is never the default user.
      if (!isTokenShaped(token)) return SIGN_IN_REQUIRED;
      return fromSession(token);
    },
    async refused(credential) {
      if (credential.sessionId) await store.deleteSession(credential.sessionId);
    },
    async renew(credential) {
      if (!credential.sessionId) return SIGN_IN_EXPIRED;
      const session = await store.findSession(credential.sessionId, { fresh: true });
      if (!session) return SIGN_IN_EXPIRED;
      if (session.credentialKind !== 'oauth') return SIGN_IN_EXPIRED;
      let current = open(session);
      if (current && current.authorization !== credential.authorization) return current;
      const refreshed = await refreshOnce(session, credential.authorization);
      if ('status' in refreshed) return refreshed;
      current = open(refreshed);
      return current ?? SIGN_IN_EXPIRED;
    },
  };
}
