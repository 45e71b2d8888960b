/**
 * What the sign-in routes read from a request: a small JSON object body, the client's address
 * (for the sign-in limiter), the origin the browser reached us at, and a return path.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';

const MAX_BODY_BYTES = 16 * 1024;

export type JsonBodyResult = { value: Record<string, unknown> } | { response: Response };

/** 415 for another content type, 413 past 16 kB, 400 for broken JSON or a body that is not an object. */
export async function readJsonObject(c: Context<AppEnv>, field: string): Promise<JsonBodyResult> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { response: c.json({ error: 'Send the body as JSON (Content-Type: application/json).' }, 415) };
  }
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) {
    return { response: c.json({ error: `The body is too large (limit ${MAX_BODY_BYTES} bytes).` }, 413) };
  }
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { response: c.json({ error: `The body is too large (limit ${MAX_BODY_BYTES} bytes).` }, 413) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { response: c.json({ error: 'The body is not valid JSON.' }, 400) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { response: fieldError(c, field, `Send a JSON object with "${field}".`) };
  }
  return { value: value as Record<string, unknown> };
}

/** 400 naming the field, in both of the shapes Close's own errors use. */
export function fieldError(c: Context<AppEnv>, field: string, message: string): Response {
  return c.json({ error: `${field}: ${message}`, field, 'field-errors': { [field]: message } }, 400);
}

export function clientAddress(c: Context<AppEnv>): string {
  return c.env.incoming.socket.remoteAddress ?? 'unknown';
}

/** PUBLIC_URL, or the origin this request reached us at (checked by the host guard). */
export function publicOrigin(c: Context<AppEnv>, publicUrl: string | null): string {
  return publicUrl ?? new URL(c.req.url).origin;
}

/** A path on this site to return to: one leading `/`, no scheme, no `//` or `/\` (another host). */
export function safeReturnPath(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.length > 2048) return null;
  // Control characters could end a header line or hide a host.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  return raw;
}
