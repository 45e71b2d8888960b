/**
 * The embedded Close API's consent page: the organization's users, with role and organization,
 * in Close's blue.
 */
import { createConsentPages } from '../../embedded-oauth/consent-page-html';
import type { AuthorizationRequest } from './oauth-client';

export type ConsentUser = { id: string; first_name: string; last_name: string; email: string; role_id: string; organization: string };

const pages = createConsentPages({ accent: '#1d4ed8', focus: '#2563eb' });

export const { consentPageCsp, oauthErrorPageHtml, htmlAnswer } = pages;

export function consentPageHtml(request: AuthorizationRequest, users: readonly ConsentUser[]): string {
  return pages.consentPageHtml({
    title: 'Sign in to the embedded Close API',
    introHtml:
      '<p><strong>Triage</strong> asks to read and change your tasks as you. This is the demo stand-in for Close: choose who you are.</p>',
    hidden: [
      ['client_id', request.clientId],
      ['redirect_uri', request.redirectUri],
      ['response_type', 'code'],
      ['state', request.state],
    ],
    choices: users.map((u) => ({
      ...u,
      detail: `${u.email} · ${u.role_id === 'admin' ? 'Manager' : 'Rep'} · ${u.organization}`,
    })),
  });
}

