/**
 * Task data comes from Close (and from whoever wrote the email or SMS), so any URL in it is
 * untrusted. Only absolute http(s) URLs may become a link or a media source: this shuts out
 * `javascript:`/`data:` URLs, scheme-relative and relative paths, and the whitespace and control
 * characters browsers silently strip (`java\tscript:`), which is how filters are usually fooled.
 */
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\\]/;
const HTTP_PREFIX = /^https?:\/\//i;

export function safeHttpUrl(input: string | null | undefined): string | null {
  if (typeof input !== 'string' || input === '' || UNSAFE_CHARS.test(input)) return null;
  if (!HTTP_PREFIX.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  // `https://app.close.com@evil.test/` shows a trusted host to a reader and goes elsewhere.
  if (url.username || url.password) return null;
  return url.href;
}
