/**
 * Outreach's OAuth 2 endpoints on the stand-in: `GET /oauth/authorize` (the consent page),
 * `POST /oauth/authorize` (its answer: a 302 to redirect_uri with `code` or
 * `error=access_denied`, and `state`), and `POST /oauth/token` (authorization_code and
 * refresh_token grants). They sit outside the API's bearer check.
 */
import type { Context, Hono } from 'hono';
import type { Db } from '../../db/open-database';
import { type AuthorizationRequest, checkAuthorizationRequest, clientAuthenticated, redirectWith } from '../../close-api/oauth/oauth-client';
import type { GrantRefusal } from '../../embedded-oauth/grant-secrets';
import { readForm } from '../../embedded-oauth/read-form';
import { NO_STORE, grantRefusalDescriptions, oauthErrorAnswer, readTokenGrant } from '../../embedded-oauth/token-request';
import type { OutreachApiEnv } from '../http/outreach-api-env';
import { type ConsentUser, consentPageHtml, htmlAnswer, oauthErrorPageHtml } from './consent-page-html';
import { ACCESS_TOKEN_TTL_SECONDS, type OutreachOAuthOptions, REFRESH_TOKEN_TTL_SECONDS, checkScope } from './outreach-oauth-client';
import { type IssuedTokens, createOutreachOAuthRepository } from './outreach-oauth-repository';

export const OAUTH_PATH_PREFIX = '/oauth/';
const REFUSALS = grantRefusalDescriptions('The code or refresh token has expired.');

type Deps = { db: Db; now: () => number; client: OutreachOAuthOptions };

function checkRequest(params: Record<string, string | undefined>, client: OutreachOAuthOptions): (AuthorizationRequest & { scope: string }) | { problem: string } {
  const request = checkAuthorizationRequest(params, { ...client, accessTokenTtlSeconds: 0 });
  if ('problem' in request) return request;
  const scope = checkScope(params.scope);
  return typeof scope === 'string' ? { ...request, scope } : scope;
}

async function readTokenParams(c: Context): Promise<URLSearchParams | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return readForm(c);
  const text = await c.req.text();
  if (text.length > 16 * 1024) return null;
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    return new URLSearchParams(Object.entries(body).filter(([, v]) => typeof v === 'string') as [string, string][]);
  } catch {
    return null;
  }
}

export function mountOutreachOAuthRoutes(app: Hono<OutreachApiEnv>, deps: Deps): void {
  const repo = createOutreachOAuthRepository(deps.db);
  const life = () => ({
    accessTtlMs: (deps.client.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS) * 1000,
    refreshTtlMs: (deps.client.refreshTokenTtlSeconds ?? REFRESH_TOKEN_TTL_SECONDS) * 1000,
  });
  const users = deps.db.prepare<[], ConsentUser>('SELECT id, first_name, last_name, email, title FROM users WHERE locked = 0 ORDER BY id LIMIT 1000');
  const userById = deps.db.prepare<[number], { id: number }>('SELECT id FROM users WHERE id = ? AND locked = 0');

  app.get('/oauth/authorize', (c) => {
    const request = checkRequest(c.req.query(), deps.client);
    if ('problem' in request) return htmlAnswer(c, 400, oauthErrorPageHtml(request.problem), null);
    return htmlAnswer(c, 200, consentPageHtml(request, users.all()), request.redirectUri);
  });

  app.post('/oauth/authorize', async (c) => {
    const form = await readForm(c);
    if (!form) return htmlAnswer(c, 400, oauthErrorPageHtml('The consent form was not sent as a form.'), null);
    const request = checkRequest(Object.fromEntries(form), deps.client);
    if ('problem' in request) return htmlAnswer(c, 400, oauthErrorPageHtml(request.problem), null);
    const redirect = (answer: Record<string, string>) => {
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.redirect(redirectWith(request, answer), 302);
    };
    const decision = form.get('decision');
    if (decision === 'deny') return redirect({ error: 'access_denied' });
    if (decision !== 'allow') return htmlAnswer(c, 400, oauthErrorPageHtml('Choose Allow or Deny.'), request.redirectUri);
    const userId = Number(form.get('user_id'));
    if (!Number.isInteger(userId) || !userById.get(userId)) {
      return htmlAnswer(c, 400, oauthErrorPageHtml('Choose one of the listed users.'), request.redirectUri);
    }
    const code = repo.createCode({ clientId: request.clientId, userId, redirectUri: request.redirectUri, scope: request.scope }, deps.now());
    return redirect({ code });
  });

  const oauthError = (c: Context, status: 400 | 401, error: string, description: string) =>
    oauthErrorAnswer(c, status, error, description, 'Outreach OAuth');
  const answer = (c: Context, issued: IssuedTokens | { refused: GrantRefusal }) => {
    if ('refused' in issued) return oauthError(c, 400, 'invalid_grant', REFUSALS[issued.refused]);
    return c.json({
      access_token: issued.accessToken,
      token_type: 'bearer',
      expires_in: deps.client.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS,
      refresh_token: issued.refreshToken,
      scope: issued.scope,
      created_at: Math.floor(deps.now() / 1000),
    }, 200, NO_STORE);
  };

  // Outreach's token endpoint takes the parameters form-encoded (its documented curl) or as JSON
  // (which its clients also send); the client proves itself in the parameters or by Basic.
  app.post('/oauth/token', async (c) => {
    const form = await readTokenParams(c);
    if (!form) return oauthError(c, 400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded or JSON.');
    if (!clientAuthenticated(c, form, { ...deps.client, accessTokenTtlSeconds: 0 })) {
      return oauthError(c, 401, 'invalid_client', 'Client authentication failed: check client_id and client_secret.');
    }
    const grant = readTokenGrant(form);
    if ('error' in grant) return oauthError(c, 400, grant.error, grant.description);
    const { clientId } = deps.client;
    return grant.grantType === 'authorization_code'
      ? answer(c, repo.exchangeCode({ code: grant.code, clientId, redirectUri: grant.redirectUri }, life(), deps.now()))
      : answer(c, repo.refresh({ refreshToken: grant.refreshToken, clientId }, life(), deps.now()));
  });
}
