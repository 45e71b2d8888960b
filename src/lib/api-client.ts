/**
 * The browser's only way to the API: our server's proxy under /api/v1, which adds the key.
 * Every request carries `x-tz-offset` for the zone the user is looking in (computed at the moment
 * of the request, so DST is right), every answer is parsed with the wire schema, and every
 * failure becomes an ApiError carrying what Close said (message and per-field reasons).
 */
import type { $ZodType, output } from 'zod/v4/core';
import { safeParse } from 'zod/mini';
import { formatTzOffset } from '@/shared/close/dates';
import { ErrorBodySchema, errorMessageOf } from '@/shared/close/schemas';
import { signInRequired } from './sign-in-required';
import { browserTimeZone, tzOffsetHours } from '@/shared/close/zones';

export const API_BASE = '/api/v1';

/**
 * Where requests without an `origin` go: the page's own origin in the browser; on the server,
 * the origin of the first view being rendered (renders run concurrently, each as its own person).
 */
let defaultOrigin: () => string = () => '';

/** For the server's first-view renderer, which has no page origin to resolve `/api/v1` against. */
export function setDefaultApiOrigin(origin: () => string): void {
  defaultOrigin = origin;
}

/** `path` on our own server (`/api/capabilities`), from the page or from a first view being rendered. */
export function serverUrl(path: string): string {
  return `${defaultOrigin()}${path}`;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    /** How long the server asked to wait (RateLimit's reset, Retry-After), when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** The server asks the person to sign in (again): see SignInRequiredError. */
  readonly signInRequired: boolean = false;
}

/**
 * A 401 whose body says `sign_in_required`: no session, or one whose Close credential expired or
 * was revoked. Announced through src/lib/sign-in-required.ts, which the app answers with sign-in.
 */
export class SignInRequiredError extends ApiError {
  override readonly signInRequired = true;
}

function asksToSignIn(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { sign_in_required?: unknown }).sign_in_required === true;
}

/** Worth trying again: the network, a rate limit, or the server's own trouble; never a 4xx answer. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export type QueryValue = string | number | boolean | null | undefined;

export type ApiRequest<S extends $ZodType> = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under /api/v1, e.g. `/task/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: S;
  /** IANA zone whose current offset goes in x-tz-offset; the browser's when not given. */
  timeZone?: string;
  signal?: AbortSignal;
  /** Absolute origin for callers outside the page (scripts, tests); the page uses its own. */
  origin?: string;
  /**
   * Sent with no headers of our own (no zone, no Accept), exactly as index.html's
   * `<link rel="preload" as="fetch" crossorigin>` asks for it: the browser hands a preloaded
   * answer only to a request whose headers match. For GETs that do not depend on the zone.
   */
  asPreloaded?: boolean;
};

export function buildApiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** The message a person should read: Close's own words when it gave some. */
export function errorMessageFrom(status: number, body: unknown): { message: string; fieldErrors: Record<string, string> } {
  const parsed = ErrorBodySchema.safeParse(body);
  if (!parsed.success) return { message: fallbackMessage(status), fieldErrors: {} };
  const fieldErrors = parsed.data['field-errors'] ?? {};
  const firstField = Object.entries(fieldErrors)[0];
  const message =
    parsed.data.errors?.[0] ??
    (firstField ? (firstField[0] === '__all__' ? firstField[1] : `${firstField[0]}: ${firstField[1]}`) : undefined) ??
    errorMessageOf(parsed.data) ??
    fallbackMessage(status);
  return { message, fieldErrors };
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Not signed in to Close (the API key was refused).';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; try again in a moment.';
  if (status >= 500) return `The server had a problem (HTTP ${status}).`;
  return `Request failed (HTTP ${status}).`;
}

/**
 * How long the server asks to wait: `RateLimit`'s reset (Close's `limit=…, remaining=…, reset=S`,
 * or the newer draft's `t=S`), else `Retry-After` in seconds, else the body's `error.rate_reset`.
 */
export function retryAfterMs(headers: Headers, body?: unknown): number | null {
  const reset = /(?:^|[\s,;])(?:reset|t)=(\d+(?:\.\d+)?)/.exec(headers.get('ratelimit') ?? '');
  if (reset) return Math.max(0, Number(reset[1]) * 1000);
  const header = headers.get('retry-after');
  const seconds = header ? Number(header) : NaN;
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const bodyReset = (body as { error?: { rate_reset?: unknown } } | undefined)?.error?.rate_reset;
  return typeof bodyReset === 'number' && Number.isFinite(bodyReset) ? Math.max(0, bodyReset * 1000) : null;
}

export async function apiRequest<S extends $ZodType>(req: ApiRequest<S>): Promise<output<S>> {
  const headers: Record<string, string> = {};
  if (!req.asPreloaded) {
    headers.accept = 'application/json';
    headers['x-tz-offset'] = formatTzOffset(tzOffsetHours(req.timeZone ?? browserTimeZone(), Date.now()));
  }

  return requestJson(`${req.origin ?? defaultOrigin()}${buildApiUrl(req.path, req.query)}`, {
    method: req.method ?? 'GET',
    headers,
    body: req.body,
    signal: req.signal,
    schema: req.schema,
    label: req.path,
  });
}

export type JsonRequest<S extends $ZodType> = {
  method: string;
  headers: Record<string, string>;
  /** Sent as JSON when given. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Null for an answer with no body (204). */
  schema: S | null;
  /** Names the endpoint in "Unexpected answer from …". */
  label: string;
};

/**
 * One request to our server, to its proxy or its own endpoints: the answer parsed with `schema`;
 * a failure an ApiError with the server's words; a 401 that asks for sign-in announced once here.
 */
export async function requestJson<S extends $ZodType>(url: string, req: JsonRequest<S>): Promise<output<S>> {
  const headers = req.body === undefined ? req.headers : { ...req.headers, 'content-type': 'application/json' };
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (req.signal?.aborted) throw cause;
    throw new ApiError("Can't reach the server. Check your connection.", 0);
  }

  const text = await res.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (res.status === 401 && asksToSignIn(body)) {
    signInRequired();
    throw new SignInRequiredError(errorMessageFrom(res.status, body).message, res.status);
  }
  if (!res.ok) {
    const { message, fieldErrors } = errorMessageFrom(res.status, body);
    throw new ApiError(message, res.status, fieldErrors, retryAfterMs(res.headers, body));
  }
  if (req.schema === null) return undefined as output<S>;
  const parsed = safeParse(req.schema, body);
  if (!parsed.success) {
    throw new ApiError(`Unexpected answer from ${req.label}: ${parsed.error.issues[0]?.message ?? 'invalid shape'}`, res.status);
  }
  return parsed.data;
}
