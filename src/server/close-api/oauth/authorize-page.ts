/**
 * `GET /oauth2/authorize/`: the consent page, where a person picks which user they are and
 * allows or denies; `POST /oauth2/authorize/`: its answer, a 302 to redirect_uri with `code` (or
 * `error=access_denied`) and the client's `state`, as Close's authorize page answers.
 */
import type { Context } from 'hono';
import { readForm } from '../../embedded-oauth/read-form';
import { type AuthorizationRequest, checkAuthorizationRequest, redirectWith } from './oauth-client';
import { type ConsentUser, consentPageHtml, htmlAnswer, oauthErrorPageHtml } from './consent-page-html';
import type { OAuthDeps } from './oauth-deps';

/** A consent page is a list to pick from, not a directory: a bench's thousands of users stop here. */
const MAX_LISTED_USERS = 1000;

function listUsers(deps: OAuthDeps) {
  const select = deps.db.prepare<[number], ConsentUser>(
    `SELECT u.id, u.first_name, u.last_name, u.email, m.role_id, o.name AS organization
       FROM users u JOIN memberships m ON m.user_id = u.id JOIN organizations o ON o.id = m.organization_id
      ORDER BY o.date_created, o.name, m.role_id <> 'admin', u.date_created, u.email
      LIMIT ?`,
  );
  return () => select.all(MAX_LISTED_USERS);
}

export function getAuthorizePage(deps: OAuthDeps) {
  const users = listUsers(deps);
  return (c: Context) => {
    const request = checkAuthorizationRequest(c.req.query(), deps.client);
    if ('problem' in request) return htmlAnswer(c, 400, oauthErrorPageHtml(request.problem), null);
    return htmlAnswer(c, 200, consentPageHtml(request, users()), request.redirectUri);
  };
}

export function postAuthorizeDecision(deps: OAuthDeps) {
  const membership = deps.db.prepare<[string], { organization_id: string }>(
    'SELECT organization_id FROM memberships WHERE user_id = ? ORDER BY organization_id LIMIT 1',
  );
  return async (c: Context) => {
    const form = await readForm(c);
    if (!form) return htmlAnswer(c, 400, oauthErrorPageHtml('The consent form was not sent as a form.'), null);
    const request = checkAuthorizationRequest(Object.fromEntries(form), deps.client);
    if ('problem' in request) return htmlAnswer(c, 400, oauthErrorPageHtml(request.problem), null);
    const decision = form.get('decision');
    if (decision === 'deny') return redirect(c, request, { error: 'access_denied' });
    if (decision !== 'allow') return htmlAnswer(c, 400, oauthErrorPageHtml('Choose Allow or Deny.'), request.redirectUri);
    const userId = form.get('user_id') ?? '';
    const member = membership.get(userId);
    if (!member) return htmlAnswer(c, 400, oauthErrorPageHtml('Choose one of the listed users.'), request.redirectUri);
    const code = deps.repo.createCode(
      { clientId: request.clientId, userId, organizationId: member.organization_id, redirectUri: request.redirectUri },
      deps.now(),
    );
    return redirect(c, request, { code });
  };
}

function redirect(c: Context, request: AuthorizationRequest, answer: Record<string, string>) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(redirectWith(request, answer), 302);
}
