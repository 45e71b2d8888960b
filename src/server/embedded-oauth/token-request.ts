/**
 * What the stand-ins' token endpoints share: reading which grant a token request asks for, and
 * OAuth's error answer. The success answer is each stand-in's own (Close's and Outreach's differ).
 */
import type { Context } from 'hono';
import type { GrantRefusal } from './grant-secrets';

/** Token answers and their errors are never cached (RFC 6749 §5.1). */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

export type TokenGrant =
  | { grantType: 'authorization_code'; code: string; redirectUri: string }
  | { grantType: 'refresh_token'; refreshToken: string };

export type TokenRequestProblem = { error: 'invalid_request' | 'unsupported_grant_type'; description: string };

/** The grant of an authenticated client's token request, or the problem to answer with (400). */
export function readTokenGrant(form: URLSearchParams): TokenGrant | TokenRequestProblem {
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    if (!code) return { error: 'invalid_request', description: 'code is required.' };
    if (!redirectUri) return { error: 'invalid_request', description: 'redirect_uri is required.' };
    return { grantType, code, redirectUri };
  }
  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token');
    if (!refreshToken) return { error: 'invalid_request', description: 'refresh_token is required.' };
    return { grantType, refreshToken };
  }
  if (!grantType) return { error: 'invalid_request', description: 'grant_type is required.' };
  return { error: 'unsupported_grant_type', description: 'grant_type must be authorization_code or refresh_token.' };
}

/** The `error_description` of each refusal; `expired` is the stand-in's, as what can expire differs. */
export function grantRefusalDescriptions(expired: string): Record<GrantRefusal, string> {
  return {
    unknown: 'The code or refresh token is not valid.',
    expired,
    reused: 'The code was already used.',
    'wrong-client': 'The code or refresh token was issued to another client.',
    'wrong-redirect-uri': 'redirect_uri does not match the one the code was issued for.',
  };
}

/** OAuth's error answer; a 401 names the stand-in's Basic realm. */
export function oauthErrorAnswer(c: Context, status: 400 | 401, error: string, description: string, realm: string) {
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401) headers['WWW-Authenticate'] = `Basic realm="${realm}"`;
  return c.json({ error, error_description: description }, status, headers);
}
