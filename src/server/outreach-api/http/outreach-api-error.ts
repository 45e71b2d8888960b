/**
 * Errors answered the way Outreach answers: JSON:API's `{"errors": [{id, title, detail, source}]}`
 * with Outreach's published ids (unsupportedMediaType, resourceNotFound, validationError,
 * rateLimitExceeded). Thrown from handlers; the app's error handler turns them into responses.
 */
export type OutreachErrorObject = {
  id: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
};

export type OutreachErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 429;

export class OutreachApiError extends Error {
  constructor(
    readonly status: OutreachErrorStatus,
    readonly errors: OutreachErrorObject[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.detail ?? 'error');
  }
}

/** 400: a query parameter Outreach would not accept (a bad filter, page size or action parameter). */
export function badParameter(parameter: string, detail: string): OutreachApiError {
  return new OutreachApiError(400, [{ id: 'badRequest', title: 'Bad Request', detail, source: { parameter } }]);
}

export function resourceNotFound(type: string, id: string): OutreachApiError {
  return new OutreachApiError(404, [
    { id: 'resourceNotFound', title: 'Resource Not Found', detail: `Could not find '${type}' with ID '${id}'.` },
  ]);
}

/** 422 naming the member of the request document (pointer) or the action parameter at fault. */
export function validationError(detail: string, source: OutreachErrorObject['source'] = undefined): OutreachApiError {
  return new OutreachApiError(422, [{ id: 'validationError', title: 'Validation Error', detail, ...(source ? { source } : {}) }]);
}

export function unsupportedMediaType(): OutreachApiError {
  return new OutreachApiError(415, [
    { id: 'unsupportedMediaType', title: 'Unsupported Media Type', detail: "Expected Content-Type header to be 'application/vnd.api+json'." },
  ]);
}

export function unauthorized(detail: string): OutreachApiError {
  return new OutreachApiError(401, [{ id: 'unauthorized', title: 'Unauthorized', detail }], {
    'WWW-Authenticate': 'Bearer realm="Outreach API"',
  });
}
