/**
 * `POST /oauth2/token/`: Close's token endpoint. Form-encoded; the client proves itself with
 * HTTP Basic or client_id + client_secret; `grant_type=authorization_code` (code, redirect_uri)
 * or `refresh_token`. Answers Close's shape, `{access_token, token_type: "Bearer", expires_in,
 * refresh_token, scope, user_id, organization_id}`; every refresh rotates the refresh token.
 * Errors are OAuth's: 400/401 `{"error": "invalid_request" | "invalid_client" | "invalid_grant" |
 * "unsupported_grant_type", "error_description"}`.
 */
import type { Context } from 'hono';
import { OAUTH_SCOPE, clientAuthenticated } from './oauth-client';
import type { OAuthDeps } from './oauth-deps';
import type { GrantRefusal, IssuedTokens } from './oauth-repository';
import { readForm } from './read-form';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

const REFUSALS: Record<GrantRefusal, string> = {
  unknown: 'The code or refresh token is not valid.',
  expired: 'The code has expired.',
  reused: 'The code was already used.',
  'wrong-client': 'The code or refresh token was issued to another client.',
  'wrong-redirect-uri': 'redirect_uri does not match the one the code was issued for.',
};

function oauthError(c: Context, status: 400 | 401, error: string, description: string) {
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="Close OAuth"';
  return c.json({ error, error_description: description }, status, headers);
}

export function postToken(deps: OAuthDeps) {
  const accessTtlMs = () => deps.client.accessTokenTtlSeconds * 1000;
  const answer = (c: Context, issued: IssuedTokens | { refused: GrantRefusal }) => {
    if ('refused' in issued) return oauthError(c, 400, 'invalid_grant', REFUSALS[issued.refused]);
    return c.json(
      {
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: deps.client.accessTokenTtlSeconds,
        refresh_token: issued.refreshToken,
        scope: OAUTH_SCOPE,
        user_id: issued.userId,
        organization_id: issued.organizationId,
      },
      200,
      NO_STORE,
    );
  };

  return async (c: Context) => {
    const form = await readForm(c);
    if (!form) return oauthError(c, 400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded.');
    if (!clientAuthenticated(c, form, deps.client)) {
      return oauthError(c, 401, 'invalid_client', 'Client authentication failed: check client_id and client_secret.');
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code');
      const redirectUri = form.get('redirect_uri');
      if (!code) return oauthError(c, 400, 'invalid_request', 'code is required.');
      if (!redirectUri) return oauthError(c, 400, 'invalid_request', 'redirect_uri is required.');
      return answer(c, deps.repo.exchangeCode({ code, clientId: deps.client.clientId, redirectUri, accessTtlMs: accessTtlMs() }, deps.now()));
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return oauthError(c, 400, 'invalid_request', 'refresh_token is required.');
      return answer(c, deps.repo.refresh({ refreshToken, clientId: deps.client.clientId, accessTtlMs: accessTtlMs() }, deps.now()));
    }
    if (!grantType) return oauthError(c, 400, 'invalid_request', 'grant_type is required.');
    return oauthError(c, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
  };
}
