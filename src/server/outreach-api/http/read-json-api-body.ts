import type { Context } from 'hono';
import { JSON_API_MEDIA_TYPE } from './outreach-api-env';
import { OutreachApiError, unsupportedMediaType, validationError } from './outreach-api-error';

const MAX_BODY_BYTES = 1024 * 1024;

/** Whether the request says it carries JSON:API (parameters such as charset are allowed). */
export function isJsonApi(c: Context): boolean {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === JSON_API_MEDIA_TYPE;
}

/**
 * A request document's `data` member. Outreach requires `Content-Type: application/vnd.api+json`
 * on a body (415 otherwise); a body that is not a JSON object with an object `data` is a 422.
 */
export async function readJsonApiData(c: Context): Promise<Record<string, unknown>> {
  if (!isJsonApi(c)) throw unsupportedMediaType();
  const text = await c.req.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new OutreachApiError(413, [{ id: 'requestTooLarge', title: 'Request Too Large', detail: `The body is larger than ${MAX_BODY_BYTES} bytes.` }]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw validationError('The body is not valid JSON.', { pointer: '' });
  }
  const data = (doc as { data?: unknown } | null)?.data;
  if (typeof doc !== 'object' || doc === null || typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw validationError('The document must have a "data" object.', { pointer: '/data' });
  }
  return data as Record<string, unknown>;
}
