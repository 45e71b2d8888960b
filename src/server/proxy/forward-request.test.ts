import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultUpstream, RATE_LIMITED_BODY, SERVER_ERROR_BODY, startFaultUpstream } from '../testing/fault-upstream';
import { type TestApp, startTestApp } from '../testing/start-test-app';
import { MAX_REQUEST_BODY_BYTES } from './forward-request';
import { RevalidationLines } from './revalidation-lines';

const KEY = 'api_proxy-test.key123';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;

let upstream: FaultUpstream;
let proxy: TestApp;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  proxy = await startTestApp({ upstream: { baseUrl: upstream.apiBaseUrl, apiKey: KEY }, timeoutMs: 500 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
afterEach(() => {
  upstream.behave({ kind: 'echo' });
  upstream.release();
  upstream.requests.length = 0;
});

type Echo = { method: string; target: string; headers: Record<string, string>; body: string };

describe('what the proxy sends upstream', () => {
  it('adds the key, keeps the query byte for byte, forwards x-tz-offset and drops the browser credentials', async () => {
    const query = '?id__in=task_a%2Ctask_b&_fields=id,date&date__gte=2024-01-01T00%3A00%3A00%2B00%3A00&view=inbox';
    const res = await fetch(`${proxy.url}/api/v1/task/${query}`, {
      headers: {
        accept: 'application/json',
        'x-tz-offset': '-5.5',
        cookie: 'session=browser-cookie',
        authorization: 'Basic YnJvd3Nlcjo=',
        referer: `${proxy.url}/inbox`,
      },
    });
    expect(res.status).toBe(200);
    const echo = (await res.json()) as Echo;
    expect(echo.method).toBe('GET');
    expect(echo.target).toBe(`/api/v1/task/${query}`);
    expect(echo.headers.authorization).toBe(BASIC);
    expect(echo.headers['x-tz-offset']).toBe('-5.5');
    expect(echo.headers.accept).toBe('application/json');
    expect(echo.headers.cookie).toBeUndefined();
    expect(echo.headers.referer).toBeUndefined();
    expect(echo.headers.host).toBe(new URL(upstream.origin).host);
  });

  it('forwards method, body and content-type of writes', async () => {
    const body = JSON.stringify({ is_complete: true, date: '2024-05-01' });
    const res = await fetch(`${proxy.url}/api/v1/task/task_abc123/`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const echo = (await res.json()) as Echo;
    expect(echo.method).toBe('PUT');
    expect(echo.target).toBe('/api/v1/task/task_abc123/');
    expect(echo.body).toBe(body);
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers.authorization).toBe(BASIC);
  });

  it('forwards DELETE and the other Close resources Triage uses', async () => {
    for (const [method, path] of [
      ['DELETE', '/api/v1/task/task_1/'],
      ['GET', '/api/v1/me/'],
      ['GET', '/api/v1/user/'],
      ['GET', '/api/v1/user/user_1/'],
      ['GET', '/api/v1/organization/orga_1/'],
      ['GET', '/api/v1/lead/?query=acme'],
      ['GET', '/api/v1/lead/lead_1/'],
      ['POST', '/api/v1/task/'],
      ['GET', '/api/v1/activity/email/acti_1/'],
      ['POST', '/api/v1/activity/email/'],
      ['GET', '/api/v1/activity/email/?lead_id=lead_1&date_created__gte=2026-01-01'],
      ['GET', '/api/v1/activity/sms/?lead_id=lead_1&_limit=20'],
      ['POST', '/api/v1/activity/sms/'],
      ['GET', '/api/v1/activity/sms/acti_1/'],
      ['GET', '/api/v1/sms_template/'],
      ['GET', '/api/v1/email_template/'],
    ] as const) {
      const res = await fetch(`${proxy.url}${path}`, { method, ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(200);
      expect(((await res.json()) as Echo).target).toBe(path);
    }
  });

  it('forwards activities and templates only with the methods Triage uses (404 otherwise, upstream untouched)', async () => {
    for (const [method, path] of [
      ['PUT', '/api/v1/activity/email/acti_1/'],
      ['DELETE', '/api/v1/activity/email/acti_1/'],
      ['POST', '/api/v1/activity/email/acti_1/'],
      ['PUT', '/api/v1/activity/sms/acti_1/'],
      ['DELETE', '/api/v1/activity/sms/acti_1/'],
      ['POST', '/api/v1/sms_template/'],
      ['GET', '/api/v1/sms_template/tmpl_1/'],
      ['POST', '/api/v1/email_template/'],
      ['GET', '/api/v1/activity/note/'],
      ['GET', '/api/v1/activity/sms/acti_1/extra/'],
    ] as const) {
      const res = await fetch(`${proxy.url}${path}`, { method, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } }) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers 404 JSON for anything else under /api/v1, without contacting the upstream', async () => {
    for (const path of [
      '/api/v1/opportunity/',
      '/api/v1/activity/call/',
      '/api/v1/task/task_1/extra/',
      '/api/v1/task/..%2F..%2Fopportunity/',
      '/api/v1/me/user_1/',
      '/api/v1/',
      '/api/v1',
    ]) {
      const res = await fetch(`${proxy.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(((await res.json()) as { error: string }).error).toMatch(/not found/i);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a request body over the limit with 413, without contacting the upstream', async () => {
    const res = await fetch(`${proxy.url}/api/v1/task/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/too large/);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('what the proxy passes back', () => {
  it('passes a 429 with RateLimit, Retry-After and the body unchanged', async () => {
    upstream.behave({ kind: 'rate-limited' });
    const res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.status).toBe(429);
    expect(res.headers.get('ratelimit')).toBe('limit=40, remaining=0, reset=3');
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual(RATE_LIMITED_BODY);
  });

  it('passes upstream 4xx/5xx bodies through unchanged', async () => {
    upstream.behave({ kind: 'server-error' });
    let res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual(SERVER_ERROR_BODY);

    const fieldErrors = { errors: [], 'field-errors': { _limit: 'Ensure this value is less than or equal to 200.' } };
    upstream.behave({ kind: 'json', status: 400, body: fieldErrors });
    res = await fetch(`${proxy.url}/api/v1/task/?_limit=500`);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(JSON.stringify(fieldErrors));
  });

  it('adds its own security headers and request id, and no upstream hop-by-hop headers', async () => {
    upstream.behave({ kind: 'json', status: 200, body: { data: [], has_more: false }, headers: { 'set-cookie': 'upstream=1', server: 'close' } });
    const res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('server')).toBeNull();
    expect(await res.json()).toEqual({ data: [], has_more: false });
  });

  it('gives its own JSON answers the same security headers and request id as passed-on ones', async () => {
    upstream.behave({ kind: 'reset' });
    const answers = [
      await fetch(`${proxy.url}/api/v1/opportunity/`),
      await fetch(`${proxy.url}/api/v1/task/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1) }),
      await fetch(`${proxy.url}/api/v1/me/`),
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 413, 502]);
    for (const res of answers) {
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    }
  });

  it('keeps a plain X-Request-Id from the caller and replaces an unusable one, as the rest of the app does', async () => {
    const idOf = async (path: string, id: string) => (await fetch(`${proxy.url}${path}`, { headers: { 'x-request-id': id } })).headers.get('x-request-id');
    for (const path of ['/api/v1/me/', '/api/v1/opportunity/', '/api/health']) {
      expect(await idOf(path, 'trace-123_abc='), path).toBe('trace-123_abc=');
      const replaced = await idOf(path, 'not plain!');
      expect(replaced, path).not.toBe('not plain!');
      expect(replaced, path).toMatch(/^[0-9a-f-]{36}$/);
      expect(await idOf(path, 'x'.repeat(256)), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('logs one line per forwarded request at debug level, with its request id and status', async () => {
    const res = await fetch(`${proxy.url}/api/v1/me/?logged=1`, { headers: { 'x-request-id': 'logged-request-1' } });
    await res.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const lines = proxy.logs.filter((line) => line.includes('requestId=logged-request-1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ request .*method=GET path=\/api\/v1\/me\/ status=200 /);
  });

  it('streams: the browser gets the first bytes while the upstream is still sending', async () => {
    upstream.behave({ kind: 'held-body', first: '{"data": [', rest: '], "has_more": false}' });
    const res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    // The upstream has not finished: a buffering proxy would never deliver this chunk.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('{"data": [');
    upstream.release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe('], "has_more": false}');
  });
});

describe('revalidated copies of answers with an ETag', () => {
  const ifNoneMatchSent = () => upstream.requests.map((r) => r.headers['if-none-match'] ?? null);

  it('asks again every time, with If-None-Match, and answers a 304 with the copy as a 200', async () => {
    const body = { data: [{ id: 'task_1', text: 'call back' }], has_more: false };
    upstream.behave({ kind: 'versioned', etag: '"v1"', body });
    const target = `${proxy.url}/api/v1/task/?view=inbox&_type=all&copies=1`;
    const first = await fetch(target, { headers: { 'x-tz-offset': '-5' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual(body);
    const second = await fetch(target, { headers: { 'x-tz-offset': '-5' } });
    expect(second.status).toBe(200);
    expect(second.headers.get('content-type')).toBe('application/json');
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await second.json()).toEqual(body);
    expect(ifNoneMatchSent()).toEqual([null, '"v1"']);
  });

  it('passes a changed answer on and keeps it as the new copy', async () => {
    const target = `${proxy.url}/api/v1/task/?copies=2`;
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['old'] } });
    await (await fetch(target)).json();
    upstream.behave({ kind: 'versioned', etag: '"v2"', body: { data: ['new'] } });
    expect(await (await fetch(target)).json()).toEqual({ data: ['new'] });
    expect(await (await fetch(target)).json()).toEqual({ data: ['new'] });
    expect(ifNoneMatchSent()).toEqual([null, '"v1"', '"v2"']);
  });

  it('keeps one copy per time zone offset and per query, and none for answers without an ETag', async () => {
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: [] } });
    await (await fetch(`${proxy.url}/api/v1/task/?copies=3`, { headers: { 'x-tz-offset': '-5' } })).text();
    await (await fetch(`${proxy.url}/api/v1/task/?copies=3`, { headers: { 'x-tz-offset': '5.5' } })).text();
    await (await fetch(`${proxy.url}/api/v1/task/?copies=3&_limit=5`, { headers: { 'x-tz-offset': '-5' } })).text();
    upstream.behave({ kind: 'echo' });
    await (await fetch(`${proxy.url}/api/v1/task/?copies=4`)).text();
    await (await fetch(`${proxy.url}/api/v1/task/?copies=4`)).text();
    expect(ifNoneMatchSent()).toEqual([null, null, null, null, null]);
  });

  it('never answers from a copy when the upstream fails: the failure reaches the browser', async () => {
    const target = `${proxy.url}/api/v1/task/?copies=5`;
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['kept'] } });
    await (await fetch(target)).text();
    upstream.behave({ kind: 'server-error' });
    expect((await fetch(target)).status).toBe(500);
    upstream.behave({ kind: 'reset' });
    expect((await fetch(target)).status).toBe(502);
    // The 500 dropped the copy: the next request asks without a tag.
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['kept'] } });
    upstream.requests.length = 0;
    await (await fetch(target)).text();
    expect(ifNoneMatchSent()).toEqual([null]);
  });

  it('does not keep a copy of an answer that broke off', async () => {
    const target = `${proxy.url}/api/v1/task/?copies=6`;
    upstream.behave({ kind: 'reset-mid-body' });
    await fetch(target).then((res) => res.text()).catch(() => 'broken');
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: [] } });
    upstream.requests.length = 0;
    await (await fetch(target)).text();
    expect(ifNoneMatchSent()).toEqual([null]);
  });
});

describe('identical GETs while a revalidation is in flight', () => {
  const lines = new RevalidationLines();
  let shared: TestApp;
  beforeAll(async () => {
    shared = await startTestApp({ upstream: { baseUrl: upstream.apiBaseUrl, apiKey: KEY }, timeoutMs: 2_000, revalidationLines: lines });
  });
  afterAll(() => shared.close());

  const ifNoneMatchSent = () => upstream.requests.map((r) => r.headers['if-none-match'] ?? null);
  async function until(condition: () => boolean): Promise<void> {
    const giveUp = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > giveUp) throw new Error(`still not so after 5 s: ${condition.toString()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  /**
   * A copy of v1, then every answer held until released; returns the first request, in flight
   * (wrapped: an async function returning the bare promise would wait for it).
   */
  async function primeAndHold(target: string): Promise<{ first: Promise<Response> }> {
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['v1'] } });
    await (await fetch(target)).text();
    upstream.requests.length = 0;
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['v1'] }, held: true });
    const first = fetch(target);
    await until(() => upstream.requests.length === 1);
    return { first };
  }

  it('wait for the next revalidation and share it: one upstream request for all who waited', async () => {
    const target = `${shared.url}/api/v1/task/?lines=1`;
    const { first } = await primeAndHold(target);
    const waiting = [fetch(target), fetch(target), fetch(target)];
    await until(() => lines.waiting === 3);
    upstream.release();
    await until(() => upstream.requests.length === 2);
    upstream.release();
    const answers = await Promise.all([first, ...waiting]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toEqual({ data: ['v1'] });
    }
    expect(ifNoneMatchSent()).toEqual(['"v1"', '"v1"']);
    // Those who waited carry the rate-limit state of the 304 that answered them.
    expect(answers.slice(1).map((a) => a.headers.get('ratelimit'))).toEqual(Array(3).fill('limit=40, remaining=38, reset=3'));
    expect(new Set(answers.map((a) => a.headers.get('x-request-id'))).size).toBe(4);
    expect(lines.inFlight).toBe(0);
  });

  it('never answers a request with a revalidation sent before it arrived', async () => {
    const target = `${shared.url}/api/v1/task/?lines=2`;
    const { first } = await primeAndHold(target);
    // The data changes while the first revalidation is under way (its 304 is already decided).
    upstream.behave({ kind: 'versioned', etag: '"v2"', body: { data: ['v2'] }, held: true });
    const later = [fetch(target), fetch(target)];
    await until(() => lines.waiting === 2);
    upstream.release();
    expect(await (await first).json()).toEqual({ data: ['v1'] });
    await until(() => upstream.requests.length === 2);
    upstream.release();
    for (const answer of await Promise.all(later)) expect(await answer.json()).toEqual({ data: ['v2'] });
    expect(ifNoneMatchSent()).toEqual(['"v1"', '"v1"']);
  });

  it('lets a waiting request whose browser went away drop out without holding up the others', async () => {
    const target = `${shared.url}/api/v1/task/?lines=4`;
    const { first } = await primeAndHold(target);
    const gone = new AbortController();
    const leaving = fetch(target, { signal: gone.signal }).catch((error: unknown) => error);
    const staying = fetch(target);
    await until(() => lines.waiting === 2);
    gone.abort();
    // Whether the one who left had already sent the next revalidation depends on when the proxy
    // noticed; either way the one who stayed is answered. Held answers are let go until it is.
    let answered = false;
    void staying.finally(() => (answered = true));
    await until(() => {
      upstream.release();
      return answered;
    });
    expect(await (await first).json()).toEqual({ data: ['v1'] });
    expect(await (await staying).json()).toEqual({ data: ['v1'] });
    expect(await leaving).toBeInstanceOf(Error);
    expect(lines.inFlight).toBe(0);
    // The proxy still answers afterwards.
    upstream.behave({ kind: 'versioned', etag: '"v1"', body: { data: ['v1'] } });
    expect((await fetch(target)).status).toBe(200);
  });

  it('does not share a failure: after a failed revalidation each waiting request asks for itself', async () => {
    const target = `${shared.url}/api/v1/task/?lines=3`;
    const { first } = await primeAndHold(target);
    const waiting = [fetch(target), fetch(target)];
    await until(() => lines.waiting === 2);
    upstream.behave({ kind: 'server-error' });
    upstream.release();
    expect((await first).status).toBe(200);
    const answers = await Promise.all(waiting);
    expect(answers.map((a) => a.status)).toEqual([500, 500]);
    for (const answer of answers) expect(await answer.json()).toEqual(SERVER_ERROR_BODY);
    // One revalidation for the batch, then the one that followed it, without the dropped copy's tag.
    expect(ifNoneMatchSent()).toEqual(['"v1"', '"v1"', null]);
    expect(lines.inFlight).toBe(0);
  });
});

describe('when the upstream fails', () => {
  it('answers 504 JSON when the upstream is slower than the timeout', async () => {
    upstream.behave({ kind: 'slow', ms: 60_000 });
    const res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: 'Close API did not answer within 500 ms' });
  });

  it('answers 502 JSON when the upstream drops the connection', async () => {
    upstream.behave({ kind: 'reset' });
    const res = await fetch(`${proxy.url}/api/v1/me/`);
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^Close API is unreachable: /);
  });

  it('answers 502 JSON when nothing listens at the upstream address', async () => {
    const port = await closedPort();
    const orphan = await startTestApp({ upstream: { baseUrl: `http://127.0.0.1:${port}/api/v1`, apiKey: KEY } });
    try {
      const res = await fetch(`${orphan.url}/api/v1/me/`);
      expect(res.status).toBe(502);
      expect(await res.json()).toEqual({ error: `Close API is unreachable: connection refused by 127.0.0.1:${port}` });
      expect(orphan.logs.join('\n')).toContain('upstream request failed');
    } finally {
      await orphan.close();
    }
  });

  it('breaks the browser response when the upstream resets mid-body, instead of ending it short', async () => {
    upstream.behave({ kind: 'reset-mid-body' });
    const res = await fetch(`${proxy.url}/api/v1/task/`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(proxy.logs.some((line) => line.includes('upstream response broke off'))).toBe(true);
  });

  it('drops the upstream response when the browser goes away mid-body', async () => {
    upstream.behave({ kind: 'held-body', first: '{"data": [', rest: ']}' });
    const controller = new AbortController();
    const res = await fetch(`${proxy.url}/api/v1/task/`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toThrow();
    // The proxy still serves the next request normally.
    upstream.behave({ kind: 'echo' });
    expect((await fetch(`${proxy.url}/api/v1/me/`)).status).toBe(200);
  });

  it('keeps working after failures (connections are not left broken)', async () => {
    upstream.behave({ kind: 'reset' });
    expect((await fetch(`${proxy.url}/api/v1/me/`)).status).toBe(502);
    upstream.behave({ kind: 'echo' });
    for (let i = 0; i < 5; i++) expect((await fetch(`${proxy.url}/api/v1/me/`)).status).toBe(200);
  });

  it('never logs the key, in either form', () => {
    const logs = proxy.logs.join('\n');
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(KEY);
    expect(logs).not.toContain(BASIC.slice('Basic '.length));
  });
});

/** A port that was free a moment ago: nothing listens there. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
