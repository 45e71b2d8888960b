/**
 * The embedded API's one OAuth client (Triage's app server) and the checks every OAuth endpoint
 * makes on it: which client asks, where codes may go, and client authentication at the token
 * endpoint.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';

/** The built-in client's id; its secret is generated at each start and handed over in-process. */
export const EMBEDDED_OAUTH_CLIENT_ID = 'triage-embedded';
export const OAUTH_SCOPE = 'all.full_access';

export type EmbeddedOAuthOptions = {
  clientId: string;
  clientSecret: string;
  /** `expires_in` of access tokens (EMBEDDED_OAUTH_TOKEN_TTL). */
  accessTokenTtlSeconds: number;
};

/** An authorization request that passed the checks that decide whether we may redirect at all. */
export type AuthorizationRequest = { clientId: string; redirectUri: string; state: string | null };

/**
 * client_id and redirect_uri are checked before anything is sent to redirect_uri: with a wrong
 * one the page shows the error instead of redirecting (RFC 6749 §4.1.2.1). A redirect URI is an
 * absolute http(s) URL without a fragment.
 */
export function checkAuthorizationRequest(
  params: Record<string, string | undefined>,
  client: EmbeddedOAuthOptions,
): AuthorizationRequest | { problem: string } {
  if (params.client_id !== client.clientId) return { problem: `Unknown client_id ${JSON.stringify(params.client_id ?? '')}.` };
  const redirectUri = params.redirect_uri;
  if (!redirectUri) return { problem: 'redirect_uri is required.' };
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return { problem: 'redirect_uri must be an absolute URL.' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hash || url.username || url.password) {
    return { problem: 'redirect_uri must be an http(s) URL without a fragment or credentials.' };
  }
  if (params.response_type !== 'code') return { problem: 'response_type must be "code".' };
  return { clientId: client.clientId, redirectUri, state: params.state ?? null };
}

/** redirect_uri with the answer's parameters added to its own query. */
export function redirectWith(request: AuthorizationRequest, answer: Record<string, string>): string {
  const url = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(answer)) url.searchParams.set(name, value);
  if (request.state !== null) url.searchParams.set('state', request.state);
  return url.toString();
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * Client authentication at the token endpoint: HTTP Basic (id and secret form-url-encoded, RFC
 * 6749 §2.3.1) or client_id + client_secret in the form. Returns whether the client proved itself.
 */
export function clientAuthenticated(c: Context, form: URLSearchParams, client: EmbeddedOAuthOptions): boolean {
  let id = form.get('client_id');
  let secret = form.get('client_secret');
  const [scheme, value] = (c.req.header('authorization') ?? '').trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return false;
    try {
      id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return id === client.clientId && secret !== null && sameSecret(secret, client.clientSecret);
}
