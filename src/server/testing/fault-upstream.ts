/**
 * A real HTTP server on 127.0.0.1 that stands in for Close in tests, including Close's bad days:
 * rate limiting, errors, slowness, connections dropped before or during a response, redirects.
 * It records every request it receives, so a test can assert what the proxy actually sent.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultBehaviour =
  /** 200 with a JSON description of the request received. */
  | { kind: 'echo' }
  /** Any status with a JSON body (and headers). */
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** Close's answer past the rate limit. */
  | { kind: 'rate-limited' }
  /** A 500 with Close's error body. */
  | { kind: 'server-error' }
  /** Answers (echo) only after `ms`; use more than the proxy's timeout. */
  | { kind: 'slow'; ms: number }
  /** Drops the connection without answering. */
  | { kind: 'reset' }
  /** Sends the head and part of the body, then drops the connection. */
  | { kind: 'reset-mid-body' }
  /** Sends the head and `first`, then waits for `release()` before sending `rest`. */
  | { kind: 'held-body'; first: string; rest: string }
  | { kind: 'redirect'; location: string; status?: number }
  /** A file, honouring `Range` (206 / 416) like a media host. */
  | { kind: 'file'; body: Buffer; contentType: string }
  /**
   * 200 with the body and its ETag, or 304 when the request's If-None-Match is that ETag; decided
   * when the request arrives. `held`: the answer waits for `release()`.
   */
  | { kind: 'versioned'; etag: string; body: unknown; held?: boolean }
  /**
   * With `forwardTo`: passes the request on to a real Close-compatible API (the embedded one) and
   * relays its answer, so the stand-in behaves like Close backed by real state. `after`: what
   * goes wrong once the request HAS been applied upstream — the connection drops before the
   * answer ('reset'), or the answer is cut off mid-JSON ('truncate').
   */
  | { kind: 'forward'; delayMs?: number; after?: 'reset' | 'truncate' }
  /** A 429 saying how long to wait in only one of Close's three ways. */
  | { kind: 'rate-limited-by'; via: 'ratelimit' | 'retry-after' | 'body'; seconds: number }
  /** A gateway's or an overloaded server's answer: nothing was applied. */
  | { kind: 'unavailable'; status: 502 | 503 | 504 };

/** Decides, request by request, how to answer (a fault campaign's schedule). */
export type FaultChooser = (request: RecordedRequest) => FaultBehaviour;

export interface RecordedRequest {
  method: string;
  /** The request target exactly as received: path and query, byte for byte. */
  target: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FaultUpstream {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** `${origin}/api/v1`, to use as the proxy's upstream base URL. */
  apiBaseUrl: string;
  requests: RecordedRequest[];
  /** Sets how every following request is answered (default: echo), or a chooser per request. */
  behave(behaviour: FaultBehaviour | FaultChooser): void;
  /** Lets the held answers (`held-body`, held `versioned`) go. */
  release(): void;
  close(): Promise<void>;
}

/** Close's 429 body (src/server/close-api/http/rate-limit.ts answers the same shape). */
export const RATE_LIMITED_BODY = { error: { message: 'API call count exceeded for this 15 second window', rate_reset: 2.5, rate_limit: 40, rate_window: 15 } };
export const SERVER_ERROR_BODY = { error: 'Internal server error', 'error-id': 'err_fault_upstream' };

export type FaultUpstreamOptions = {
  /** Base URL of the API that `forward` passes requests to, e.g. the embedded API's `http://127.0.0.1:PORT`. */
  forwardTo?: string;
};

export async function startFaultUpstream(options: FaultUpstreamOptions = {}): Promise<FaultUpstream> {
  let behaviour: FaultBehaviour | FaultChooser = { kind: 'echo' };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const held: Array<() => void> = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        target: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      answer(typeof behaviour === 'function' ? behaviour(recorded) : behaviour, recorded, req, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  function answer(b: FaultBehaviour, recorded: RecordedRequest, req: http.IncomingMessage, res: http.ServerResponse) {
    switch (b.kind) {
      case 'echo':
        return sendJson(res, 200, recorded);
      case 'json':
        return sendJson(res, b.status, b.body, b.headers);
      case 'rate-limited':
        return sendJson(res, 429, RATE_LIMITED_BODY, { RateLimit: 'limit=40, remaining=0, reset=3', 'Retry-After': '3' });
      case 'server-error':
        return sendJson(res, 500, SERVER_ERROR_BODY);
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) sendJson(res, 200, recorded);
        }, b.ms);
        timers.add(timer);
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'reset-mid-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"data": [{"id": "task_1"}, ');
        // Let the partial body leave before the connection drops.
        setImmediate(() => req.socket.destroy());
        return;
      case 'held-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(b.first);
        held.push(() => res.end(b.rest));
        return;
      case 'redirect':
        res.writeHead(b.status ?? 302, { location: b.location, 'content-length': '0' });
        res.end();
        return;
      case 'file':
        return sendFile(req, res, b.body, b.contentType);
      case 'rate-limited-by': {
        const { message, rate_limit, rate_window } = RATE_LIMITED_BODY.error;
        const body = { error: { message, rate_limit, rate_window, ...(b.via === 'body' ? { rate_reset: b.seconds } : {}) } };
        const headers: Record<string, string> =
          b.via === 'ratelimit' ? { RateLimit: `limit=40, remaining=0, reset=${b.seconds}` } : b.via === 'retry-after' ? { 'Retry-After': String(b.seconds) } : {};
        return sendJson(res, 429, body, headers);
      }
      case 'unavailable':
        return sendJson(res, b.status, { error: b.status === 503 ? 'Service unavailable' : 'Bad gateway' });
      case 'forward': {
        if (!options.forwardTo) return sendJson(res, 500, { error: 'fault upstream: no forwardTo' });
        const send = () => forward(options.forwardTo!, recorded, res, req, b.after);
        if (!b.delayMs) return void send();
        const timer = setTimeout(() => {
          timers.delete(timer);
          void send();
        }, b.delayMs);
        timers.add(timer);
        return;
      }
      case 'versioned': {
        const send =
          req.headers['if-none-match'] === b.etag
            ? () => {
                res.writeHead(304, { etag: b.etag, RateLimit: `limit=40, remaining=${40 - requests.length}, reset=3` });
                res.end();
              }
            : () => sendJson(res, 200, b.body, { etag: b.etag });
        if (b.held) held.push(send);
        else send();
        return;
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    apiBaseUrl: `${origin}/api/v1`,
    requests,
    behave(next) {
      behaviour = next;
    },
    release() {
      for (const finish of held.splice(0)) finish();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

async function forward(base: string, recorded: RecordedRequest, res: http.ServerResponse, req: http.IncomingMessage, after?: 'reset' | 'truncate') {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recorded.headers)) {
    if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${base}${recorded.target}`, {
      method: recorded.method,
      headers,
      body: recorded.method === 'GET' || recorded.method === 'HEAD' ? undefined : recorded.body,
    });
  } catch {
    req.socket.destroy();
    return;
  }
  const text = await upstream.text();
  if (after === 'reset') {
    req.socket.destroy();
    return;
  }
  const out: Record<string, string> = { 'content-type': upstream.headers.get('content-type') ?? 'application/json' };
  for (const name of ['ratelimit', 'retry-after']) {
    const value = upstream.headers.get(name);
    if (value) out[name] = value;
  }
  if (after === 'truncate') {
    res.writeHead(upstream.status, { ...out, 'content-length': String(Buffer.byteLength(text)) });
    res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    setImmediate(() => req.socket.destroy());
    return;
  }
  res.writeHead(upstream.status, { ...out, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function sendFile(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, contentType: string) {
  const range = req.headers.range;
  const common = { 'content-type': contentType, 'accept-ranges': 'bytes' };
  if (!range) {
    res.writeHead(200, { ...common, 'content-length': body.length });
    res.end(body);
    return;
  }
  const match = /^bytes=(\d*)-(\d*)$/.exec(range);
  const start = match?.[1] ? Number(match[1]) : match?.[2] ? body.length - Number(match[2]) : 0;
  const end = match?.[1] && match[2] ? Math.min(Number(match[2]), body.length - 1) : body.length - 1;
  if (!match || start > end || start >= body.length) {
    res.writeHead(416, { ...common, 'content-range': `bytes */${body.length}` });
    res.end();
    return;
  }
  res.writeHead(206, { ...common, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${body.length}` });
  res.end(body.subarray(start, end + 1));
}
