/**
 * `POST /oauth2/token/`: Close's token endpoint. Form-encoded; the client proves itself with
 * HTTP Basic or client_id + client_secret; `grant_type=authorization_code` (code, redirect_uri)
 * or `refresh_token`. Answers Close's shape, `{access_token, token_type: "Bearer", expires_in,
 * refresh_token, scope, user_id, organization_id}`; every refresh rotates the refresh token.
 * Errors are OAuth's: 400/401 `{"error": "invalid_request" | "invalid_client" | "invalid_grant" |
 * "unsupported_grant_type", "error_description"}`.
 */
import type { Context } from 'hono';
import type { GrantRefusal } from '../../embedded-oauth/grant-secrets';
import { readForm } from '../../embedded-oauth/read-form';
import { NO_STORE, grantRefusalDescriptions, oauthErrorAnswer, readTokenGrant } from '../../embedded-oauth/token-request';
import { OAUTH_SCOPE, clientAuthenticated } from './oauth-client';
import type { OAuthDeps } from './oauth-deps';
import type { IssuedTokens } from './oauth-repository';

/** Close's refresh tokens do not expire: only a code can. */
const REFUSALS = grantRefusalDescriptions('The code has expired.');

function oauthError(c: Context, status: 400 | 401, error: string, description: string) {
  return oauthErrorAnswer(c, status, error, description, 'Close OAuth');
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
    const grant = readTokenGrant(form);
    if ('error' in grant) return oauthError(c, 400, grant.error, grant.description);
    const { clientId } = deps.client;
    return grant.grantType === 'authorization_code'
      ? answer(c, deps.repo.exchangeCode({ code: grant.code, clientId, redirectUri: grant.redirectUri, accessTtlMs: accessTtlMs() }, deps.now()))
      : answer(c, deps.repo.refresh({ refreshToken: grant.refreshToken, clientId, accessTtlMs: accessTtlMs() }, deps.now()));
  };
}
