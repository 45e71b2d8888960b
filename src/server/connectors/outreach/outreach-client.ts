/**
 * Calls to Outreach's JSON:API (`application/vnd.api+json`, Bearer tokens), for the Outreach
 * connector. Every failure becomes an `OutreachFailure` the connector answers the browser with in
 * the contract's words: a 429 keeps Outreach's rate-limit headers (the browser's outbox waits as
 * they say), a 5xx or no answer is a 502/504 (retried by the outbox), and a 401 is met with
 * exactly one refresh of the person's token and one retry before the session is given up.
 */
import { z } from 'zod';

export const JSON_API = 'application/vnd.api+json';

/** Outreach's rate-limit headers, passed on to the browser as they came. */
const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after', 'ratelimit', 'ratelimit-reset'] as const;

const ErrorsSchema = z.object({ errors: z.array(z.object({ id: z.string().optional(), title: z.string().optional(), detail: z.string().optional(), source: z.unknown().optional() })) });

export class OutreachFailure extends Error {
  override readonly name = 'OutreachFailure';
  constructor(
    /** The status the browser is answered with. */
    readonly status: 400 | 401 | 404 | 409 | 422 | 429 | 502 | 504,
    message: string,
    /** Headers the browser needs (the rate limit's). */
    readonly headers: Record<string, string> = {},
    /** Outreach refused the credential even after one refresh: the session ends. */
    readonly signInAgain = false,
  ) {
    super(message);
  }
}

export type OutreachRequest = {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the API's base, e.g. `/tasks/12/actions/snooze`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
};

export interface OutreachClientOptions {
  /** e.g. https://api.outreach.io/api/v2 */
  baseUrl: string;
  timeoutMs: number;
}

/** The person's token for this request, and how to get a new one once (null: nothing to refresh with). */
export type OutreachAuth = { authorization: string; refresh: (() => Promise<string | null>) | null };

export function createOutreachClient(options: OutreachClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');

  function urlOf(req: OutreachRequest): string {
    if (/^https?:\/\//.test(req.path)) return req.path;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return `${base}${req.path}${qs ? `?${qs}` : ''}`;
  }

  async function send(url: string, req: OutreachRequest, authorization: string): Promise<Response> {
    const headers: Record<string, string> = { authorization, accept: JSON_API, 'user-agent': 'triage-outreach-connector' };
    if (req.body !== undefined) headers['content-type'] = JSON_API;
    try {
      return await fetch(url, {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new OutreachFailure(504, `Outreach did not answer within ${options.timeoutMs} ms.`);
      }
      throw new OutreachFailure(502, 'Outreach could not be reached.');
    }
  }

  /** One call; a 401 refreshes the token once and tries once more. Answers the parsed JSON document (null for 204). */
  async function request(req: OutreachRequest, auth: OutreachAuth): Promise<unknown> {
    const url = urlOf(req);
    let res = await send(url, req, auth.authorization);
    if (res.status === 401 && auth.refresh) {
      // Without a new token the refusal itself is the answer: its body is read below.
      const renewed = await auth.refresh().catch(async (error: unknown) => {
        await res.body?.cancel();
        throw error;
      });
      if (renewed) {
        await res.body?.cancel();
        res = await send(url, req, renewed);
      }
    }
    return readAnswer(res);
  }

  return { request, baseUrl: base };
}

export type OutreachClient = ReturnType<typeof createOutreachClient>;

async function readAnswer(res: Response): Promise<unknown> {
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return body;
  const detail = firstErrorOf(body);
  if (res.status === 401) throw new OutreachFailure(401, 'Your Outreach sign-in has expired or was revoked. Sign in again.', {}, true);
  if (res.status === 429) {
    const headers: Record<string, string> = {};
    for (const name of RATE_LIMIT_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // The browser reads `retry-after` (or RateLimit's reset); Outreach's own reset is an epoch second.
    if (!headers['retry-after'] && headers['x-ratelimit-reset']) {
      const reset = Number(headers['x-ratelimit-reset']);
      if (Number.isFinite(reset)) headers['retry-after'] = String(Math.max(0, Math.ceil(reset - Date.now() / 1000)));
    }
    throw new OutreachFailure(429, detail ?? 'Outreach asks to slow down; try again in a moment.', headers);
  }
  if (res.status >= 500) throw new OutreachFailure(502, `Outreach had a problem (HTTP ${res.status}).`);
  if (res.status === 404) throw new OutreachFailure(404, detail ?? 'Not found in Outreach.');
  if (res.status === 409 || res.status === 422) throw new OutreachFailure(res.status, detail ?? 'Outreach refused the change.');
  throw new OutreachFailure(400, detail ?? `Outreach refused the request (HTTP ${res.status}).`);
}

function firstErrorOf(body: unknown): string | undefined {
  const parsed = ErrorsSchema.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  return first?.detail ?? first?.title;
}
