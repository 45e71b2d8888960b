/**
 * The Outreach stand-in's consent page: which demo user you are and the scopes asked, in
 * Outreach's purple.
 */
import { createConsentPages, escapeHtml } from '../../embedded-oauth/consent-page-html';

export type ConsentUser = { id: number; first_name: string; last_name: string; email: string; title: string | null };
export type ConsentRequest = { clientId: string; redirectUri: string; state: string | null; scope: string };

const pages = createConsentPages({ accent: '#5b21b6', focus: '#7c3aed' });

export const { consentPageCsp, oauthErrorPageHtml, htmlAnswer } = pages;

export function consentPageHtml(request: ConsentRequest, users: readonly ConsentUser[]): string {
  const scopes = request.scope.split(' ').map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return pages.consentPageHtml({
    title: 'Sign in to the embedded Outreach API',
    introHtml: `<p><strong>Triage</strong> asks to act as you with these scopes:</p>
<ul>${scopes}</ul>
<p>This is the demo stand-in for Outreach: choose who you are.</p>`,
    hidden: [
      ['client_id', request.clientId],
      ['redirect_uri', request.redirectUri],
      ['response_type', 'code'],
      ['scope', request.scope],
      ['state', request.state],
    ],
    choices: users.map((u) => ({ ...u, detail: [u.email, u.title].filter(Boolean).join(' · ') })),
  });
}
