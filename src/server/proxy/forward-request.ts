/**
 * `/api/v1/*`: forwards the browser's Close API calls to the upstream (Close, or the embedded API)
 * and adds the credential on the way: the person's own, from their session, or the server's
 * default key (auth/resolve-credential.ts). No credential ever travels to the browser.
 *
 * Only the resources Triage uses are forwarded. The request target is passed on byte for byte
 * (Close reads `id__in=a%2Cb` differently from `id__in=a,b`), and the response is streamed
 * straight from the upstream socket to the browser's, without parsing. GET answers with an ETag
 * are also copied on the way, and later revalidated rather than fetched again in full
 * (revalidated-copies.ts); identical GETs that arrive while one revalidation is in flight wait
 * for, and share, the next one (revalidation-lines.ts). Both are keyed by the credential too: a
 * copy fetched with one person's credential is only ever served to a request carrying the same.
 * An upstream that can say nothing has changed (upstream-changes.ts: the embedded API) is not
 * asked again about a copy it confirmed until something has.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AppEnv } from '../app-env';
import { type CredentialRefusal, type CredentialResolver, SIGN_IN_EXPIRED, type UpstreamCredential } from '../auth/upstream-credential';
import type { Logger } from '../logger';
import { API_SECURITY_HEADERS } from '../security-headers';
import { callUpstream } from './upstream-client';
import { UpstreamFailure, statusForFailure } from './upstream-errors';
import { pickHeaders, streamUpstreamResponse } from './stream-response';
import { type RevalidatedCopy, RevalidatedCopies } from './revalidated-copies';
import { type LeadTurn, RevalidationLines } from './revalidation-lines';
import { type CopyConfirmation, type UpstreamChanges, confirmationFor, stillConfirmed } from './upstream-changes';

export interface UpstreamTarget {
  /** Where Close's `/api/v1` lives, e.g. https://api.close.com/api/v1 or http://127.0.0.1:3001/api/v1. */
  baseUrl: string;
  /**
   * The key that acts when the app is given no credential resolver (sent as the HTTP Basic user
   * name with an empty password, as Close expects).
   */
  apiKey?: string;
  /** A way to see, without asking, that the upstream's answers have not changed (upstream-changes.ts); Close has none. */
  changes?: UpstreamChanges;
}

export const API_PREFIX = '/api/v1';

/** task, user, lead, organization, each with an optional `{id}`; me; trailing slash optional. */
const FORWARDED_PATH = /^\/api\/v1\/(?:(?:task|user|lead|organization)(?:\/[A-Za-z0-9_-]+)?|me)\/?$/;

/** Email and SMS activities and their templates: each path with only the methods Triage uses. */
const FORWARDED_ACTIVITY_ROUTES: ReadonlyArray<readonly [RegExp, ReadonlySet<string>]> = [
  [/^\/api\/v1\/activity\/email\/?$/, new Set(['GET', 'POST'])],
  [/^\/api\/v1\/activity\/email\/[A-Za-z0-9_-]+\/?$/, new Set(['GET'])],
  [/^\/api\/v1\/activity\/sms\/?$/, new Set(['GET', 'POST'])],
  [/^\/api\/v1\/activity\/sms\/[A-Za-z0-9_-]+\/?$/, new Set(['GET'])],
  [/^\/api\/v1\/(?:sms|email)_template\/?$/, new Set(['GET'])],
];

/** Close's task bodies are small; a bulk update is a few fields. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

const FORWARDED_REQUEST_HEADERS = ['accept', 'content-type', 'x-tz-offset', 'accept-encoding'] as const;

const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'vary',
  'ratelimit',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
  'retry-after',
  'cache-control',
  'etag',
  'last-modified',
] as const;

/** What a copy keeps of the upstream's head; the rate-limit headers come fresh from each 304. */
const COPIED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'vary', 'cache-control', 'etag', 'last-modified'] as const;
/** An answer from a copy the upstream was not asked about carries no rate-limit headers of its own. */
const NO_HEADERS: OutgoingHttpHeaders = Object.freeze({});
const RATE_LIMIT_HEADERS = ['ratelimit', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'ratelimit-policy', 'retry-after'] as const;

export function isForwardedPath(rawPath: string, method = 'GET'): boolean {
  if (FORWARDED_PATH.test(rawPath)) return true;
  return FORWARDED_ACTIVITY_ROUTES.some(([path, methods]) => path.test(rawPath) && methods.has(method));
}

export function basicAuthorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
}

export function createForwardHandler(options: {
  upstream: UpstreamTarget;
  credentials: CredentialResolver;
  timeoutMs: number;
  logger: Logger;
  copies?: RevalidatedCopies;
  lines?: RevalidationLines;
}) {
  const base = new URL(options.upstream.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const baseHref = `${base.origin}${basePath}`;
  const { logger, timeoutMs, credentials } = options;
  const { changes } = options.upstream;
  const copies = options.copies ?? new RevalidatedCopies();
  const lines = options.lines ?? new RevalidationLines();

  /**
   * Forwards `target` (path and query under /api/v1) as `given`, or as whoever the request's
   * session says (the first-view route passes the credential of the page being rendered).
   */
  async function forward(c: Context<AppEnv>, target: string, given?: UpstreamCredential): Promise<Response> {
    const { incoming, outgoing } = c.env;
    const queryAt = target.indexOf('?');
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : target.slice(queryAt);

    if (!isForwardedPath(rawPath, incoming.method ?? 'GET')) {
      return errorAnswer(c, `Not found: ${rawPath} is not part of the API Triage forwards.`, 404);
    }

    const method = incoming.method ?? 'GET';
    const hasBody = requestHasBody(method, incoming.headers);
    const declaredLength = Number(incoming.headers['content-length'] ?? 0);
    if (declaredLength > MAX_REQUEST_BODY_BYTES) {
      return errorAnswer(c, `Request body is too large (limit ${MAX_REQUEST_BODY_BYTES} bytes).`, 413);
    }

    let credential = given;
    if (!credential) {
      const resolving = credentials.resolve(c);
      const resolved = resolving instanceof Promise ? await resolving : resolving;
      if ('status' in resolved) return refusalAnswer(c, resolved);
      credential = resolved;
    }

    const headers: OutgoingHttpHeaders = { authorization: credential.authorization, 'user-agent': 'triage-proxy' };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = incoming.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    if (hasBody && incoming.headers['content-length'] !== undefined) headers['content-length'] = incoming.headers['content-length'];
    const copyKey = method === 'GET' ? `${RevalidatedCopies.keyOf(target, incoming.headers)}\n${credential.copyKey}` : null;
    let copy = copyKey ? copies.get(copyKey) : undefined;
    // Nothing the upstream answers from has changed since it vouched for this copy: its answer now
    // would be the copy again, so it is not asked.
    if (copy && stillConfirmed(changes, copy.confirmed)) return answerFromCopy(outgoing, copy, c.get('requestId'), NO_HEADERS);
    let lead: LeadTurn | null = null;
    if (copy && copyKey) {
      const arrived = lines.arrive(copyKey, () => outgoing.destroyed);
      const turn = arrived instanceof Promise ? await arrived : arrived;
      if (turn.lead) lead = turn;
      else {
        const outcome = await turn.outcome;
        const confirmed = outcome && copies.get(copyKey);
        if (confirmed) return answerFromCopy(outgoing, confirmed, c.get('requestId'), outcome.rateLimitHeaders);
      }
      // Whoever waited may find the copy replaced or gone since.
      copy = copies.get(copyKey);
    }
    if (copy) headers['if-none-match'] = copy.etag;
    // Read before the request goes out: a write that lands while it is in flight counts as a change.
    const confirmation: CopyConfirmation | undefined = copyKey && changes ? confirmationFor(changes, incoming.headers) : undefined;

    let upstream;
    try {
      upstream = await callUpstream({
        url: base,
        path: `${basePath}${rawPath.slice(API_PREFIX.length)}${rawQuery}`,
        method,
        headers,
        body: hasBody ? incoming : null,
        maxBodyBytes: MAX_REQUEST_BODY_BYTES,
        timeoutMs,
        label: 'Close API',
        client: outgoing,
      });
    } catch (error) {
      lead?.settle(null);
      if (!(error instanceof UpstreamFailure)) throw error;
      if (error.kind === 'client-gone') {
        outgoing.destroy();
        return RESPONSE_ALREADY_SENT;
      }
      logger.warn('upstream request failed', { requestId: c.get('requestId'), method, path: rawPath, reason: error.message });
      return errorAnswer(c, error.message, statusForFailure(error));
    }

    const status = upstream.statusCode ?? 502;
    if (copy && status === 304) {
      // The upstream vouches that the copy is still its answer: send the copy, not a 304 the browser never asked for.
      upstream.resume();
      if (confirmation) copy.confirmed = confirmation;
      const rateLimitHeaders = pickHeaders(upstream, RATE_LIMIT_HEADERS, {});
      lead?.settle({ rateLimitHeaders });
      return answerFromCopy(outgoing, copy, c.get('requestId'), rateLimitHeaders);
    }
    if (status === 401 && credential.sessionId) {
      // The person's own key or token no longer works (revoked, expired past refreshing): their
      // session ends, and the browser is sent to sign in rather than shown Close's refusal.
      upstream.resume();
      if (copyKey) copies.delete(copyKey);
      lead?.settle(null);
      await credentials.refused(credential);
      return refusalAnswer(c, SIGN_IN_EXPIRED);
    }
    if (copyKey) keepOrDropCopy(copies, copyKey, upstream, status, lead, confirmation);

    const responseHeaders: OutgoingHttpHeaders = Object.assign({}, API_SECURITY_HEADERS);
    responseHeaders['x-request-id'] = c.get('requestId');
    pickHeaders(upstream, PASSED_RESPONSE_HEADERS, responseHeaders);
    responseHeaders['cache-control'] ??= 'no-store';
    const location = rewriteLocation(upstream.headers.location, baseHref, basePath);
    if (location) responseHeaders.location = location;

    streamUpstreamResponse(outgoing, upstream, status, responseHeaders, (error) => {
      logger.warn('upstream response broke off', { requestId: c.get('requestId'), method, path: rawPath, reason: error.message });
    });
    return RESPONSE_ALREADY_SENT;
  }

  const handler = (c: Context<AppEnv>): Promise<Response> => forward(c, c.env.incoming.url ?? '/');
  return Object.assign(handler, { forward });
}

export type ForwardHandler = ReturnType<typeof createForwardHandler>;

/** No credential for this request: sign in (401), or the sign-in could not be renewed (502/504). */
export function refusalAnswer(c: Context<AppEnv>, refusal: CredentialRefusal): Response {
  c.header('X-Request-Id', c.get('requestId'));
  for (const name in API_SECURITY_HEADERS) c.header(name, API_SECURITY_HEADERS[name]);
  c.header('cache-control', 'no-store');
  return c.json(refusal.body, refusal.status);
}

/**
 * The proxy's own JSON answers carry the same security headers and request id as the answers it
 * writes to the socket, set here rather than left to middleware: forwarded calls skip the
 * app's middleware (app.ts).
 */
function errorAnswer(c: Context<AppEnv>, error: string, status: 400 | 404 | 413 | 502 | 504): Response {
  c.header('X-Request-Id', c.get('requestId'));
  for (const name in API_SECURITY_HEADERS) c.header(name, API_SECURITY_HEADERS[name]);
  return c.json({ error }, status);
}

/**
 * A 200 with an ETag is copied as it streams past (only once it has arrived whole); any other
 * answer but a 429 means the copy no longer stands for this request. A revalidation this request
 * leads is settled once that is decided: those waiting on it answer from the new copy, or ask
 * for themselves if there is none.
 */
function keepOrDropCopy(
  copies: RevalidatedCopies,
  key: string,
  upstream: IncomingMessage,
  status: number,
  lead: LeadTurn | null,
  confirmed: CopyConfirmation | undefined,
): void {
  const etag = upstream.headers.etag;
  if (status !== 200 || typeof etag !== 'string' || etag === '') {
    if (status !== 429) copies.delete(key);
    lead?.settle(null);
    return;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  upstream.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes <= copies.maxBodyBytes) chunks.push(chunk);
  });
  upstream.once('end', () => {
    if (!upstream.complete || bytes > copies.maxBodyBytes) {
      copies.delete(key);
      return lead?.settle(null);
    }
    copies.set(key, { etag, headers: copyAnswerHead(upstream, bytes), body: Buffer.concat(chunks, bytes), confirmed });
    lead?.settle({ rateLimitHeaders: pickHeaders(upstream, RATE_LIMIT_HEADERS, {}) });
  });
  // A body that breaks off never ends; settling twice is a no-op.
  if (lead) upstream.once('close', () => lead.settle(null));
}

/**
 * A 200 from the copy. Its head is complete but for the request id and the rate-limit headers of
 * the answer that confirmed it. Copied with Object.assign into a fresh object: merging its parts
 * with spreads again, or adding keys to a spread clone, builds a new hidden class each time
 * (~10 µs per request in a CPU profile).
 */
function answerFromCopy(outgoing: ServerResponse, copy: RevalidatedCopy, requestId: string, rateLimitHeaders: OutgoingHttpHeaders): Response {
  const copyHeaders: OutgoingHttpHeaders = Object.assign({}, copy.headers);
  copyHeaders['x-request-id'] = requestId;
  Object.assign(copyHeaders, rateLimitHeaders);
  copyHeaders['cache-control'] ??= 'no-store';
  outgoing.writeHead(200, copyHeaders);
  outgoing.end(copy.body);
  return RESPONSE_ALREADY_SENT;
}

/**
 * The head of every answer from this copy, built once: the upstream's headers worth keeping,
 * ours, and the length. `x-request-id` holds its place and is filled per answer; the rate-limit
 * headers of each 304 and the `cache-control` default follow it.
 */
function copyAnswerHead(upstream: IncomingMessage, bodyBytes: number): OutgoingHttpHeaders {
  const head = pickHeaders(upstream, COPIED_RESPONSE_HEADERS, {});
  for (const name in API_SECURITY_HEADERS) head[name] = API_SECURITY_HEADERS[name];
  head['x-request-id'] = '';
  head['content-length'] = bodyBytes;
  return head;
}

function requestHasBody(method: string, headers: IncomingHttpHeaders): boolean {
  if (method === 'GET' || method === 'HEAD') return false;
  if (headers['transfer-encoding'] !== undefined) return true;
  return Number(headers['content-length'] ?? 0) > 0;
}

/** A redirect inside the upstream's API (e.g. `/task` → `/task/`) becomes one to our own path. */
function rewriteLocation(location: string | undefined, baseHref: string, basePath: string): string | null {
  if (!location) return null;
  if (location.startsWith(`${baseHref}/`)) return `${API_PREFIX}${location.slice(baseHref.length)}`;
  if (basePath && location.startsWith(`${basePath}/`)) return `${API_PREFIX}${location.slice(basePath.length)}`;
  return null;
}
