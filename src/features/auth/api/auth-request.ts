/**
 * Requests to our server's own sign-in endpoints under /auth/ (not Close's, so not through
 * apiRequest's /api/v1): JSON in and out, the answer parsed with the endpoint's schema, and a
 * failure an ApiError with the server's message, like every other request of the app.
 */
import type { $ZodType, output } from 'zod/v4/core';
import { requestJson } from '@/lib/api-client';

export type AuthRequest<S extends $ZodType> = {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Path on our server, e.g. `/auth/session`. */
  path: string;
  body?: unknown;
  /** Null for an answer with no body (204). */
  schema: S | null;
  signal?: AbortSignal;
};

export function authRequest<S extends $ZodType>(req: AuthRequest<S>): Promise<output<S>> {
  return requestJson(req.path, {
    method: req.method ?? 'GET',
    headers: { accept: 'application/json' },
    body: req.body,
    signal: req.signal,
    schema: req.schema,
    label: req.path,
  });
}
