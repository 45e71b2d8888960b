import { type ErrorBody, errorMessageOf } from '@/shared/close/schemas';

/**
 * An error answered the way Close answers: 400 with `errors` and `field-errors`, 401/404 with
 * `error`, 429 with `error` as an object (see rate-limit.ts). Thrown from handlers and turned
 * into a response by the app's error handler.
 */
export class CloseApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 429,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessageOf(body) ?? body.errors?.[0] ?? Object.values(body['field-errors'] ?? {})[0] ?? 'error');
  }
}

/** 400 naming the fields that are wrong; `errors` carries a readable summary. */
export function badRequest(fieldErrors: Record<string, string>, errors: string[] = []): CloseApiError {
  const summary = errors.length
    ? errors
    : Object.entries(fieldErrors).map(([field, why]) => `${field}: ${why}`);
  return new CloseApiError(400, { errors: summary, 'field-errors': fieldErrors });
}

export function notFound(what: string): CloseApiError {
  return new CloseApiError(404, { error: `${what} not found.` });
}
