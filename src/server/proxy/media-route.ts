/**
 * `GET /api/media?url=<absolute URL>`: voicemails, call recordings and SMS attachments live on the
 * upstream's hosts behind the API key, so the browser loads them through us, with the request's
 * own credential (its session's, or the server's default: auth/resolve-credential.ts). Streamed, with the
 * browser's `Range` forwarded so <audio> can seek (206 answers pass through).
 *
 * Not an open proxy: only hosts admitted by `MediaHostRule`s are fetched, the key goes only to
 * the hosts whose rule says so, and a redirect is followed only to another admitted host.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';
import { MEDIA_SECURITY_HEADERS } from '../security-headers';
import type { CredentialResolver, UpstreamCredential } from '../auth/upstream-credential';
import { refusalAnswer } from './forward-request';
import { type MediaHostRule, decideMediaHost } from './media-hosts';
import { callUpstream } from './upstream-client';
import { UpstreamFailure, statusForFailure } from './upstream-errors';
import { pickHeaders, streamUpstreamResponse } from './stream-response';

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const FORWARDED_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since', 'accept'] as const;
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'accept-ranges',
  'content-range',
  'etag',
  'last-modified',
  'cache-control',
  'content-disposition',
] as const;

/** Types a browser shows inline without running anything; the rest are offered as downloads. */
const INLINE_TYPES = /^(audio\/|video\/|image\/(png|jpeg|gif|webp|avif|bmp)\b)/i;

export function createMediaHandler(options: { credentials: CredentialResolver; mediaHosts: readonly MediaHostRule[]; timeoutMs: number; logger: Logger }) {
  const { mediaHosts, timeoutMs, logger, credentials } = options;

  return async (c: Context<AppEnv>): Promise<Response> => {
    const { incoming, outgoing } = c.env;
    const parsed = parseMediaUrl(c.req.query('url'));
    if ('error' in parsed) return c.json({ error: `url: ${parsed.error}`, 'field-errors': { url: parsed.error } }, 400);

    const method = incoming.method === 'HEAD' ? 'HEAD' : 'GET';
    let url = parsed.url;
    let credential: UpstreamCredential | undefined;
    for (let redirects = 0; ; redirects++) {
      const decision = decideMediaHost(url, mediaHosts);
      if (!decision.allowed) {
        return redirects === 0
          ? c.json({ error: `Media host not allowed: ${url.host}`, 'field-errors': { url: `Host ${url.host} is not a media host Triage loads from.` } }, 403)
          : c.json({ error: `Media host redirected to ${url.host}, which is not allowed.` }, 502);
      }
      const headers: OutgoingHttpHeaders = { 'user-agent': 'triage-media' };
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = incoming.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      if (decision.credentials) {
        if (!credential) {
          const resolved = await credentials.resolve(c);
          if ('status' in resolved) return refusalAnswer(c, resolved);
          credential = resolved;
        }
        headers.authorization = credential.authorization;
      }

      let upstream;
      try {
        upstream = await callUpstream({ url, method, headers, body: null, maxBodyBytes: 0, timeoutMs, label: 'Media host', client: outgoing });
      } catch (error) {
        if (!(error instanceof UpstreamFailure)) throw error;
        if (error.kind === 'client-gone') {
          outgoing.destroy();
          return RESPONSE_ALREADY_SENT;
        }
        logger.warn('media request failed', { requestId: c.get('requestId'), host: url.host, reason: error.message });
        return c.json({ error: error.message }, statusForFailure(error));
      }

      const status = upstream.statusCode ?? 502;
      const location = upstream.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        upstream.resume();
        if (redirects >= MAX_REDIRECTS) return c.json({ error: 'Media host redirected too many times.' }, 502);
        try {
          url = new URL(location, url);
        } catch {
          return c.json({ error: 'Media host sent an invalid redirect.' }, 502);
        }
        continue;
      }

      const responseHeaders = pickHeaders(upstream, PASSED_RESPONSE_HEADERS, {
        ...MEDIA_SECURITY_HEADERS,
        'x-request-id': c.get('requestId'),
      });
      responseHeaders['cache-control'] ??= 'private, max-age=300';
      const type = upstream.headers['content-type'];
      const disposition = upstream.headers['content-disposition'];
      if ((!type || !INLINE_TYPES.test(type)) && !disposition?.toLowerCase().startsWith('attachment')) {
        responseHeaders['content-disposition'] = 'attachment';
      }
      streamUpstreamResponse(outgoing, upstream, status, responseHeaders, (error) => {
        logger.debug('media response broke off', { requestId: c.get('requestId'), host: url.host, reason: error.message });
      });
      return RESPONSE_ALREADY_SENT;
    }
  };
}

function parseMediaUrl(raw: string | undefined): { url: URL } | { error: string } {
  if (!raw) return { error: 'Required: the absolute URL of the media file.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: 'Must be an absolute http(s) URL.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'Must be an absolute http(s) URL.' };
  if (url.username || url.password) return { error: 'Must not contain credentials.' };
  url.hash = '';
  return { url };
}
