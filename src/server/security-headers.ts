/**
 * Response headers that keep the app and its API from being framed, sniffed, embedded by other
 * sites or made to run foreign code. The proxy writes some responses straight to the socket, so
 * these are plain objects that both Hono middleware and raw writers use.
 */
import crypto from 'node:crypto';

/**
 * The app itself: only our own scripts, styles and API; media may come from blobs. Images may
 * come from any https host: an email's own images, which its frame shows only once the person
 * asks (its own, narrower policy decides before that; a srcdoc frame is bound by both).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A classic or module script written in the page itself (not a JSON data block, not a file). */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*\stype="application\/json")[^>]*>([\s\S]*?)<\/script>/g;
let lastPage: { html: string; added: readonly string[]; csp: string } | null = null;
const NONE_ADDED: readonly string[] = [];

/**
 * The app's CSP for one page: the inline scripts the build wrote into it (the theme set before
 * the first paint) and those the server `adds` to it are allowed by their hashes, and nothing
 * else inline is. Remembers the last page's answer (`adds` compared by identity: pass a constant).
 */
export function appCspFor(html: string, adds: readonly string[] = NONE_ADDED): string {
  if (lastPage?.html === html && lastPage.added === adds) return lastPage.csp;
  const scripts = [...[...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!), ...adds];
  const hashes = scripts.map((script) => `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`);
  const csp = hashes.length ? APP_CSP.replace("script-src 'self'", `script-src 'self' ${[...new Set(hashes)].join(' ')}`) : APP_CSP;
  lastPage = { html, added: adds, csp };
  return csp;
}

/** API answers are data, never documents: nothing may load or run from them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Media fetched from other hosts is shown by <audio>/<img>, and sandboxed if opened as a page. */
export const MEDIA_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  // Other sites may not embed our responses (e.g. a recording in their <audio>).
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
} as const;

export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = { ...COMMON, 'content-security-policy': APP_CSP };
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = { ...COMMON, 'content-security-policy': API_CSP };
export const MEDIA_SECURITY_HEADERS: Readonly<Record<string, string>> = { ...COMMON, 'content-security-policy': MEDIA_CSP };
