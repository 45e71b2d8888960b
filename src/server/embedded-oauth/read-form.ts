import type { Context } from 'hono';

const MAX_FORM_BYTES = 16 * 1024;

/**
 * An application/x-www-form-urlencoded body, as OAuth's endpoints take them; null when the body
 * is of another type or too large (the caller answers in its own error shape).
 */
export async function readForm(c: Context): Promise<URLSearchParams | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  if (Number(c.req.header('content-length') ?? '0') > MAX_FORM_BYTES) return null;
  const text = await c.req.text();
  return text.length > MAX_FORM_BYTES ? null : new URLSearchParams(text);
}
