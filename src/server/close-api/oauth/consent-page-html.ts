/**
 * The HTML of the embedded API's consent page: who are you (the organization's users), Allow or
 * Deny. Plain forms, no script, one hashed inline style, so it runs under a strict CSP.
 */
import crypto from 'node:crypto';
import type { AuthorizationRequest } from './oauth-client';

export type ConsentUser = { id: string; first_name: string; last_name: string; email: string; role_id: string; organization: string };

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.4; }
  body { margin: 0; padding: 2rem 1rem; background: Canvas; color: CanvasText; }
  main { max-width: 32rem; margin: 0 auto; }
  h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
  fieldset { border: 1px solid GrayText; border-radius: .5rem; padding: .5rem 1rem; margin: 1rem 0; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: flex; gap: .6rem; align-items: baseline; padding: .35rem 0; cursor: pointer; }
  .detail { color: #4b5563; font-size: .9em; }
  @media (prefers-color-scheme: dark) { .detail { color: #c4c9d1; } }
  .actions { display: flex; gap: .75rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: .4rem; border: 1px solid GrayText; cursor: pointer; }
  button[value="allow"] { background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
  :focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
`;
const STYLE_HASH = `'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** form-action must allow redirect_uri's origin too: browsers apply it to the redirect after the POST. */
export function consentPageCsp(redirectUri: string | null): string {
  const formAction = redirectUri ? `'self' ${new URL(redirectUri).origin}` : "'none'";
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function consentPageHtml(request: AuthorizationRequest, users: readonly ConsentUser[]): string {
  const hidden = (name: string, value: string | null) =>
    value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const choices = users
    .map((u, i) => {
      const name = `${u.first_name} ${u.last_name}`.trim() || u.email;
      const role = u.role_id === 'admin' ? 'Manager' : 'Rep';
      return `<label><input type="radio" name="user_id" value="${escapeHtml(u.id)}"${i === 0 ? ' checked' : ''}>
  <span>${escapeHtml(name)} <span class="detail">${escapeHtml(u.email)} · ${role} · ${escapeHtml(u.organization)}</span></span></label>`;
    })
    .join('\n');
  // No action attribute: the form posts back to this very URL, whatever path the page is served under.
  return page(
    'Sign in to the embedded Close API',
    `<h1>Sign in to the embedded Close API</h1>
<p><strong>Triage</strong> asks to read and change your tasks as you. This is the demo stand-in for Close: choose who you are.</p>
<form method="post">
${hidden('client_id', request.clientId)}
${hidden('redirect_uri', request.redirectUri)}
${hidden('response_type', 'code')}
${hidden('state', request.state)}
<fieldset>
<legend>Who are you?</legend>
${choices || '<p>This database has no users.</p>'}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
  );
}

export function oauthErrorPageHtml(problem: string): string {
  return page(
    'Sign-in request refused',
    `<h1>This sign-in request cannot be used</h1>
<p role="alert">${escapeHtml(problem)}</p>
<p>Go back to Triage and start signing in again.</p>`,
  );
}
