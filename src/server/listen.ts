/**
 * Starting and stopping an HTTP server, with the listen errors a person can fix (port taken,
 * address not on this machine) turned into one-line `StartupError`s that name the setting.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from './env';

export interface RunningServer {
  server: http.Server;
  port: number;
  /** e.g. http://127.0.0.1:3000 (a wildcard bind is shown as 127.0.0.1). */
  url: string;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then drops the rest. */
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  host: string;
  port: number;
  /** The settings to name in an error, e.g. `PORT` / `HOST`. */
  portSetting: string;
  hostSetting?: string;
  handler: http.RequestListener;
}

export async function listen(options: ListenOptions): Promise<RunningServer> {
  const server = http.createServer(options.handler);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, options));
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${displayHost(options.host)}:${port}`,
    close: (graceMs = 3000) => closeServer(server, graceMs),
  };
}

export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function listenError(error: NodeJS.ErrnoException, options: ListenOptions): Error {
  const { port, portSetting } = options;
  const hostSetting = options.hostSetting ?? 'host';
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError(`${portSetting} ${port} is already in use; set ${portSetting} to a free port (or 0 to pick one)`);
    case 'EACCES':
      return new StartupError(`${portSetting} ${port} needs elevated privileges; set ${portSetting} to 1024 or above`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new StartupError(`${hostSetting} ${options.host} is not an address of this machine; set ${hostSetting} to 127.0.0.1`);
    default:
      return new StartupError(`cannot listen on ${options.host}:${port} (${error.code ?? error.message})`);
  }
}

function closeServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
