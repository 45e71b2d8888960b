import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, buildApiUrl, errorMessageFrom, isRetryableError } from './api-client';

type Seen = { method: string; url: string; tz: string | undefined; body: string };

let server: Server;
let origin = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', tz: req.headers['x-tz-offset'] as string | undefined, body });
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/api/v1/ok/') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', extra: 1 }));
      } else if (url.pathname === '/api/v1/bad/') {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [], 'field-errors': { date: 'Not a valid date.' } }));
      } else if (url.pathname === '/api/v1/limited/') {
        // Close's rate-limit body: `error` is an object with the message inside.
        res
          .writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'slow down', rate_reset: 1.5, rate_limit: 40, rate_window: 1 } }));
      } else if (url.pathname === '/api/v1/gone/') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Task not found.' }));
      } else if (url.pathname === '/api/v1/html/') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ unexpected: true }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const IdSchema = z.looseObject({ id: z.string() });

describe('apiRequest against a real HTTP server', () => {
  it('sends the zone offset (fractional included), the query and a JSON body, and parses the answer', async () => {
    const out = await apiRequest({
      method: 'PUT',
      path: '/ok/',
      query: { view: 'inbox', _type: 'all', skip: undefined },
      body: { is_complete: true },
      schema: IdSchema,
      timeZone: 'Asia/Kolkata',
      origin,
    });
    expect(out.id).toBe('x');
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ method: 'PUT', url: '/api/v1/ok/?view=inbox&_type=all', tz: '5.5' });
    expect(JSON.parse(last.body)).toEqual({ is_complete: true });
  });

  it('turns a 400 into an ApiError naming the field', async () => {
    const err = await apiRequest({ path: '/bad/', schema: IdSchema, origin, timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toBe('date: Not a valid date.');
    expect((err as ApiError).fieldErrors).toEqual({ date: 'Not a valid date.' });
    expect(isRetryableError(err)).toBe(false);
  });

  it('reads Retry-After on a 429 and treats it as retryable', async () => {
    const err = (await apiRequest({ path: '/limited/', schema: IdSchema, origin }).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(429);
    expect(err.message).toBe('slow down');
    expect(err.retryAfterMs).toBe(2000);
    expect(isRetryableError(err)).toBe(true);
  });

  it("gives Close's own words for an error that is just a message", async () => {
    const err = (await apiRequest({ path: '/gone/', schema: IdSchema, origin }).catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(404);
    expect(err.message).toBe('Task not found.');
  });

  it('explains a non-JSON error page and a response of the wrong shape', async () => {
    const html = (await apiRequest({ path: '/html/', schema: IdSchema, origin }).catch((e: unknown) => e)) as ApiError;
    expect(html.message).toBe('The server had a problem (HTTP 502).');
    const shape = (await apiRequest({ path: '/other/', schema: IdSchema, origin }).catch((e: unknown) => e)) as ApiError;
    expect(shape).toBeInstanceOf(ApiError);
    expect(shape.message).toMatch(/^Unexpected answer from \/other\//);
  });

  it('reports an unreachable server as a network error', async () => {
    const err = (await apiRequest({ path: '/ok/', schema: IdSchema, origin: 'http://127.0.0.1:1' }).catch((e: unknown) => e)) as ApiError;
    expect(err.isNetworkError).toBe(true);
    expect(isRetryableError(err)).toBe(true);
  });
});

describe('error messages and URLs', () => {
  it('prefers general errors, then field errors, then the error string', () => {
    expect(errorMessageFrom(400, { errors: ['Bad thing'], 'field-errors': { a: 'b' } }).message).toBe('Bad thing');
    expect(errorMessageFrom(400, { 'field-errors': { __all__: 'Nothing to update.' } }).message).toBe('Nothing to update.');
    expect(errorMessageFrom(404, { error: 'Task not found' }).message).toBe('Task not found');
    expect(errorMessageFrom(500, 'nope').message).toBe('The server had a problem (HTTP 500).');
  });

  it('builds URLs under /api/v1 and skips empty values', () => {
    expect(buildApiUrl('/task/', { _type__in: 'lead,voicemail', assigned_to: null })).toBe('/api/v1/task/?_type__in=lead%2Cvoicemail');
  });
});
