/**
 * What the proxy and the media route are told about a request's credential (by
 * resolve-credential.ts): the Authorization to send upstream, or why there is none.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';

/** The credential a request goes upstream with. */
export interface UpstreamCredential {
  authorization: string;
  /** Names the credential in the proxy's copies (a hash of `authorization`): one person's copy is never another's. */
  copyKey: string;
  /** The session acting; null for the server's default key. */
  sessionId: string | null;
}

/** Why a request has no credential: its answer. */
export interface CredentialRefusal {
  status: 401 | 502 | 504;
  body: { error: string; sign_in_required?: true };
}

export type CredentialResolution = UpstreamCredential | CredentialRefusal;

export interface CredentialResolver {
  /** Synchronous when no store is asked (no cookie): the proxy's fast path stays fast. */
  resolve(c: Context): CredentialResolution | Promise<CredentialResolution>;
  /** The upstream refused the credential: the session ends on every instance. */
  refused(credential: UpstreamCredential): Promise<void>;
  /**
   * The upstream refused an OAuth access token before its stated expiry (revoked, or expired
   * early): a new one, from exactly one refresh per session however many requests ask at once, on
   * this instance or another; the one another request already got if it was renewed meanwhile.
   * A refusal when there is nothing to refresh (an API key, the server's key), when the backend
   * refuses the refresh (the session has ended), or when it cannot be reached (502/504, the
   * session stays). Absent: nothing can be renewed.
   */
  renew?(credential: UpstreamCredential): Promise<CredentialResolution>;
}

export const SIGN_IN_REQUIRED: CredentialRefusal = { status: 401, body: { error: 'Sign in to continue.', sign_in_required: true } };
export const SIGN_IN_EXPIRED: CredentialRefusal = {
  status: 401,
  body: { error: 'Your Close sign-in has expired or was revoked. Sign in again.', sign_in_required: true },
};

export function isRefusal(resolution: CredentialResolution): resolution is CredentialRefusal {
  return 'status' in resolution;
}

export function copyKeyOf(authorization: string): string {
  return crypto.createHash('sha256').update(authorization).digest('base64url');
}

/** Always the one key (`Basic key:`): the app as it was before sessions. */
export function fixedCredential(authorization: string): CredentialResolver {
  const credential: UpstreamCredential = { authorization, copyKey: copyKeyOf(authorization), sessionId: null };
  return { resolve: () => credential, refused: async () => {} };
}
