/**
 * One HTTP exchange with an upstream (Close, the embedded API, a media host) over keep-alive
 * connections, bounded in time, and streamed both ways: neither the request nor the response body
 * is held in memory.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { UpstreamFailure, describeNetworkError } from './upstream-errors';

// Reused connections are what makes the extra hop cheap. LIFO keeps the warmest sockets busy and
// lets the rest time out. The timeout stays under Node's default server keep-alive (5 s), so we
// rarely reuse a socket the other side is closing; servers that send a Keep-Alive hint get it honoured.
const AGENT_OPTIONS = { keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo', timeout: 4_000 } as const;
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgent = new https.Agent(AGENT_OPTIONS);

export interface UpstreamCall {
  url: URL;
  /** The request target sent as is (path and query, byte for byte); defaults to the URL's. */
  path?: string;
  method: string;
  headers: http.OutgoingHttpHeaders;
  /** The browser's request body, streamed through; `null` for none. */
  body: Readable | null;
  maxBodyBytes: number;
  /** Bounds the wait for the response head, and any silence while the body streams. */
  timeoutMs: number;
  /** Who the upstream is in error messages: "Close API", "Media host". */
  label: string;
  /** The browser's response: when it goes away, the upstream request is dropped too. */
  client: http.ServerResponse;
}

/** Resolves with the upstream's response head (body unread); rejects with an `UpstreamFailure`. */
export function callUpstream(call: UpstreamCall): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => new UpstreamExchange(call, resolve, reject).send());
}

/**
 * The state of one call. A class with prototype methods rather than a nest of named closures:
 * the server runs through tsx, which keeps function names by wrapping every named closure in a
 * `defineProperty` call, and those would run several times per proxied request (a few per cent
 * of the proxy's time; ADR 0009).
 */
class UpstreamExchange {
  private settled = false;
  private current: http.ClientRequest | null = null;
  private attempts = 0;
  private readonly deadline: NodeJS.Timeout;
  private readonly onClientClose: () => void;

  constructor(
    private readonly call: UpstreamCall,
    private readonly resolve: (res: http.IncomingMessage) => void,
    private readonly reject: (failure: UpstreamFailure) => void,
  ) {
    this.deadline = setTimeout(failOnDeadline, call.timeoutMs, this);
    this.onClientClose = this.clientClosed.bind(this);
    call.client.once('close', this.onClientClose);
  }

  send(): void {
    const { call } = this;
    // A browser that left while its request waited (for a shared revalidation) sends nothing.
    if (call.client.destroyed) return this.fail(new UpstreamFailure('client-gone', 'the browser closed the connection'));
    const { url } = call;
    this.attempts++;
    const secure = url.protocol === 'https:';
    let req: http.ClientRequest;
    try {
      req = (secure ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port || undefined,
        path: call.path ?? `${url.pathname}${url.search}`,
        method: call.method,
        headers: call.headers,
        agent: secure ? httpsAgent : httpAgent,
      });
    } catch (error) {
      // Node refuses some bytes in a request target or header that its server side accepted.
      this.fail(new UpstreamFailure('invalid-request', `The request cannot be forwarded: ${(error as Error).message}`));
      return;
    }
    this.current = req;
    // Silence on the socket, before or after the head, ends the exchange; after the head this
    // tears down the streamed body, so the browser sees a broken response, not a short one.
    req.setTimeout(call.timeoutMs, () => req.destroy(this.timeoutFailure()));
    req.once('response', (res: http.IncomingMessage) => {
      if (this.settled) {
        res.destroy();
        return;
      }
      this.finish();
      this.resolve(res);
    });
    req.on('error', (error: Error) => this.requestFailed(req, error));
    if (call.body) streamBody(call.body, req, call.maxBodyBytes);
    else req.end();
  }

  private requestFailed(req: http.ClientRequest, error: Error): void {
    if (this.settled) return;
    if (error instanceof UpstreamFailure) return this.fail(error);
    // A kept-alive socket the upstream closed while idle: safe to repeat a request without a body.
    const code = (error as NodeJS.ErrnoException).code;
    if (!this.call.body && this.attempts === 1 && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE')) {
      this.send();
      return;
    }
    const { label, url } = this.call;
    this.fail(new UpstreamFailure('unreachable', `${label} is unreachable: ${describeNetworkError(error, url.host)}`, { cause: error }));
  }

  private clientClosed(): void {
    if (!this.call.client.writableFinished) this.fail(new UpstreamFailure('client-gone', 'the browser closed the connection'));
  }

  timeoutFailure(): UpstreamFailure {
    return new UpstreamFailure('timeout', `${this.call.label} did not answer within ${formatDuration(this.call.timeoutMs)}`);
  }

  fail(failure: UpstreamFailure): void {
    if (this.settled) return;
    this.finish();
    this.current?.destroy();
    this.reject(failure);
  }

  private finish(): void {
    this.settled = true;
    clearTimeout(this.deadline);
    this.call.client.off('close', this.onClientClose);
  }
}

function failOnDeadline(exchange: UpstreamExchange): void {
  exchange.fail(exchange.timeoutFailure());
}

function streamBody(body: Readable, req: http.ClientRequest, maxBytes: number): void {
  let bytes = 0;
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      body.unpipe(req);
      req.destroy(new UpstreamFailure('body-too-large', `request body is larger than ${maxBytes} bytes`));
    }
  });
  body.once('error', (error) => req.destroy(error));
  body.once('aborted', () => req.destroy(new UpstreamFailure('client-gone', 'the browser aborted the upload')));
  body.pipe(req);
}

export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
