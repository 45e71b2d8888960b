/**
 * The real app server (`createApp`) on a free loopback port, with its log lines captured so a
 * test can assert what was logged (and that nothing secret was).
 */
import http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type AppOptions, createApp } from '../app';
import { listen } from '../listen';
import { createLogger } from '../logger';

export type TestAppOptions = Partial<Omit<AppOptions, 'logger' | 'upstream'>> &
  Pick<AppOptions, 'upstream'> & {
    /** More values the logger must blank out (the keys of people who sign in). */
    secrets?: string[];
  };

export interface TestApp {
  url: string;
  port: number;
  logs: string[];
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (line) => logs.push(line), secrets: [options.upstream.apiKey ?? '', ...(options.secrets ?? [])] });
  const { secrets: _secrets, ...appOptions } = options;
  const app = createApp({
    mode: 'close',
    allowedHosts: ['127.0.0.1', 'localhost'],
    allowedOrigins: [],
    timeoutMs: 5_000,
    ...appOptions,
    logger,
  });
  const running = await listen({ host: '127.0.0.1', port: 0, portSetting: 'PORT', handler: getRequestListener(app.fetch) });
  return { url: running.url, port: running.port, logs, app, close: () => running.close(0) };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with full control of the headers (fetch will not let a test set `Host`). */
export function rawRequest(options: {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.body === undefined ? options.headers : { 'content-length': String(Buffer.byteLength(options.body)), ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
