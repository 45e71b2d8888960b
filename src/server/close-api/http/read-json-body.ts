import type { Context } from 'hono';
import { CloseApiError, badRequest } from './close-api-error';

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Reads a JSON object body whatever the Content-Type says (Close's clients differ), with a size
 * cap. Anything that is not a JSON object is a 400 that names the body.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new CloseApiError(413, { error: 'Request body is too large.' });
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) throw new CloseApiError(413, { error: 'Request body is too large.' });
  if (text.trim() === '') throw badRequest({ __all__: 'A JSON object body is required.' });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest({ __all__: 'The request body is not valid JSON.' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest({ __all__: 'The request body must be a JSON object.' });
  }
  return value as Record<string, unknown>;
}
