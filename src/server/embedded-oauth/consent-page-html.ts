/**
 * The consent page both stand-ins serve (embedded Close and embedded Outreach): who are you (the
 * database's users), Allow or Deny. Plain forms, no script, one hashed inline style, so it runs
 * under a strict CSP. Each stand-in brings its accent colours and its own wording.
 */
import crypto from 'node:crypto';
import type { Context } from 'hono';

export type ConsentTheme = { accent: string; focus: string };

/** One user to pick; `detail` is plain text (escaped here). */
export type ConsentChoice = { id: string | number; first_name: string; last_name: string; email: string; detail: string };

export type ConsentForm = {
  title: string;
  /** Trusted HTML between the heading and the form (the caller escapes what it interpolates). */
  introHtml: string;
  /** The authorization request, carried through the POST; a null value is left out. */
  hidden: readonly (readonly [name: string, value: string | null])[];
  choices: readonly ConsentChoice[];
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function styleFor(theme: ConsentTheme): string {
  return `
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
  button[value="allow"] { background: ${theme.accent}; color: #fff; border-color: ${theme.accent}; }
  :focus-visible { outline: 3px solid ${theme.focus}; outline-offset: 2px; }
`;
}

export function createConsentPages(theme: ConsentTheme) {
  const style = styleFor(theme);
  const styleHash = `'sha256-${crypto.createHash('sha256').update(style).digest('base64')}'`;

  const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

  /** form-action must allow redirect_uri's origin too: browsers apply it to the redirect after the POST. */
  const csp = (redirectUri: string | null) => {
    const formAction = redirectUri ? `'self' ${new URL(redirectUri).origin}` : "'none'";
    return ["default-src 'none'", `style-src ${styleHash}`, `form-action ${formAction}`, "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
  };

  return {
    consentPageCsp: csp,

    consentPageHtml(form: ConsentForm): string {
      const hidden = form.hidden
        .map(([name, value]) => (value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`))
        .join('\n');
      const choices = form.choices
        .map((u, i) => {
          const name = `${u.first_name} ${u.last_name}`.trim() || u.email;
          return `<label><input type="radio" name="user_id" value="${escapeHtml(String(u.id))}"${i === 0 ? ' checked' : ''}>
  <span>${escapeHtml(name)} <span class="detail">${escapeHtml(u.detail)}</span></span></label>`;
        })
        .join('\n');
      // No action attribute: the form posts back to this very URL, whatever path the page is served under.
      return page(
        form.title,
        `<h1>${escapeHtml(form.title)}</h1>
${form.introHtml}
<form method="post">
${hidden}
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
    },

    oauthErrorPageHtml(problem: string): string {
      return page(
        'Sign-in request refused',
        `<h1>This sign-in request cannot be used</h1>
<p role="alert">${escapeHtml(problem)}</p>
<p>Go back to Triage and start signing in again.</p>`,
      );
    },

    /** A consent or error page with the headers that keep it from being framed, cached or sniffed. */
    htmlAnswer(c: Context, status: 200 | 400, html: string, redirectUri: string | null) {
      return c.html(html, status, {
        'Content-Security-Policy': csp(redirectUri),
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
      });
    },
  };
}
