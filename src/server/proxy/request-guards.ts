/**
 * Two checks in front of everything, because the proxy acts with the user's API key:
 * - Host: a page on a rebound DNS name (evil.example → 127.0.0.1) must not reach us, so the Host
 *   header has to name us: one of our host names at the port the request actually came in on.
 * - Origin: a state-changing request sent by another site (a form post, a no-cors fetch) is
 *   refused; our own pages, and PUBLIC_ORIGIN (Vite's dev server), may write.
 */
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

export type HostMatcher = (hostHeader: string, localPort: number) => boolean;

/**
 * `hostnames` are names we answer to (`127.0.0.1`, `localhost`, `[::1]`, HOST). With
 * `anyIpLiteral` (the server listens on all interfaces) any IP address is fine too: DNS rebinding
 * needs a name, and someone reaching us by address typed that address.
 */
export function createHostMatcher(hostnames: readonly string[], anyIpLiteral = false): HostMatcher {
  const names = new Set(hostnames.map(normalizeHostname));
  return (hostHeader, localPort) => {
    const parsed = splitHost(hostHeader.toLowerCase());
    if (!parsed || parsed.port !== localPort) return false;
    if (names.has(parsed.hostname)) return true;
    return anyIpLiteral && (IPV4_LITERAL.test(parsed.hostname) || parsed.hostname.startsWith('['));
  };
}

/** Whether the Host header names us, at the port the request came in on. */
export function hostAllowed(matches: HostMatcher, incoming: IncomingMessage): boolean {
  const host = incoming.headers.host;
  const port = incoming.socket.localPort;
  return host !== undefined && host !== '' && port !== undefined && matches(host, port);
}

/** Whether a request may be carried out as far as its Origin goes: safe methods, our own pages and `allowedOrigins` may. */
export function createOriginCheck(matches: HostMatcher, allowedOrigins: readonly string[]): (incoming: IncomingMessage) => boolean {
  const extra = new Set(allowedOrigins);
  return (incoming) => {
    const origin = incoming.headers.origin;
    if (origin === undefined || SAFE_METHODS.has(incoming.method ?? 'GET') || extra.has(origin)) return true;
    if (!origin.startsWith('http://')) return false;
    const port = incoming.socket.localPort;
    return port !== undefined && matches(origin.slice('http://'.length), port);
  };
}

export function hostGuard(matches: HostMatcher): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hostAllowed(matches, c.env.incoming)) {
      const host = c.env.incoming.headers.host;
      return c.json({ error: `Forbidden: this server does not answer to host ${JSON.stringify(host ?? '')}.` }, 403);
    }
    await next();
  };
}

export function originGuard(matches: HostMatcher, allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const originAllowed = createOriginCheck(matches, allowedOrigins);
  return async (c, next) => {
    const { incoming } = c.env;
    if (!originAllowed(incoming)) {
      return c.json({ error: `Forbidden: ${incoming.method} from origin ${JSON.stringify(incoming.headers.origin)} is not allowed.` }, 403);
    }
    await next();
  };
}

function normalizeHostname(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** `host[:port]` or `[v6][:port]` → parts; the port defaults to 80 (we only speak http). */
function splitHost(value: string): { hostname: string; port: number } | null {
  let hostname: string;
  let portText: string | undefined;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end === -1) return null;
    hostname = value.slice(0, end + 1);
    const rest = value.slice(end + 1);
    if (rest && !rest.startsWith(':')) return null;
    portText = rest ? rest.slice(1) : undefined;
  } else {
    const colon = value.lastIndexOf(':');
    hostname = colon === -1 ? value : value.slice(0, colon);
    portText = colon === -1 ? undefined : value.slice(colon + 1);
  }
  if (portText !== undefined && !/^\d{1,5}$/.test(portText)) return null;
  return hostname ? { hostname, port: portText === undefined ? 80 : Number(portText) } : null;
}
