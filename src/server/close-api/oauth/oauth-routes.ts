/**
 * Close's OAuth 2 endpoints on the embedded API, so "Sign in with Close" runs end to end without
 * a Close account. They sit outside the API's key check: the consent page is visited by a
 * browser, and the token endpoint authenticates the client itself.
 */
import type { Hono } from 'hono';
import type { Db } from '../../db/open-database';
import type { CloseApiEnv } from '../close-api-deps';
import { getAuthorizePage, postAuthorizeDecision } from './authorize-page';
import type { EmbeddedOAuthOptions } from './oauth-client';
import { createOAuthRepository } from './oauth-repository';
import { postToken } from './post-token';

export const OAUTH_PATH_PREFIX = '/oauth2/';

export function mountOAuthRoutes(app: Hono<CloseApiEnv>, opts: { db: Db; now: () => number; client: EmbeddedOAuthOptions }): void {
  const deps = { ...opts, repo: createOAuthRepository(opts.db) };
  // Close's paths end with a slash; both spellings are accepted, as for the API's own paths.
  app.on('GET', ['/oauth2/authorize/', '/oauth2/authorize'], getAuthorizePage(deps));
  app.on('POST', ['/oauth2/authorize/', '/oauth2/authorize'], postAuthorizeDecision(deps));
  app.on('POST', ['/oauth2/token/', '/oauth2/token'], postToken(deps));
}
