/**
 * The app server: the built SPA, the contract API (`/api/v1/*`, answered by the backend's
 * connector: src/server/connectors), what the backend can do (`/api/capabilities`), the media
 * route and a health check, behind Host/Origin guards and security headers. Built here, started by `index.ts`, and
 * started the same way by the tests.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './app-env';
import { createAuthRoutes } from './auth/auth-routes';
import type { AuthContext, AuthSettings } from './auth/auth-settings';
import type { Connector, ContractHandler } from './connectors/connector';
import { createCloseConnector } from './connectors/close/close-connector';
import type { Backend } from './env';
import { fixedCredentialResolver } from './auth/resolve-credential';
import { type CredentialResolver, isRefusal } from './auth/upstream-credential';
import { type FirstViewRenderer, RENDERER_DIR, browserZoneFrom, createFirstViewStreamer, splitPage, withoutUserPreload } from './first-view';
import { HOLD_EARLY_KEYS, START_APP_AFTER_PAINT } from './first-view-inline-scripts';
import { FIRST_VIEW_PREFIX, firstViewTokensOf } from './first-view-tokens';
import type { Logger } from './logger';
import { API_PREFIX, type UpstreamTarget } from './proxy/forward-request';
import type { RevalidationLines } from './proxy/revalidation-lines';
import { type MediaHostRule, defaultMediaHosts } from './proxy/media-hosts';
import { createMediaHandler } from './proxy/media-route';
import { createHostMatcher, createOriginCheck, hostAllowed, hostGuard, originGuard } from './proxy/request-guards';
import { API_SECURITY_HEADERS, APP_SECURITY_HEADERS, appCspFor } from './security-headers';
import { TEAM_ZONES_ROUTE, type TeamRoutesOptions, createTeamRoutes } from './team/team-routes';

export type UpstreamMode = Backend;

export interface AppOptions {
  /** Reported by `/api/health`: which upstream the proxy talks to. */
  mode: UpstreamMode;
  upstream: UpstreamTarget;
  /** Host names we answer to; the port must be the one the request came in on. */
  allowedHosts: readonly string[];
  /** Also accept any IP address as Host (when listening on all interfaces). */
  anyIpHost?: boolean;
  /** Origins besides our own that may send state-changing requests (Vite's dev server). */
  allowedOrigins: readonly string[];
  /** The built app (`dist/`); absent or null = API only. */
  staticDir?: string | null;
  /** Renders a page's first view into its HTML (`<dist>/ssr/`); absent or null = the page as built. */
  firstView?: FirstViewRenderer | null;
  /** UPSTREAM_TIMEOUT_MS. */
  timeoutMs: number;
  /** Defaults to `defaultMediaHosts(upstream.baseUrl)`. */
  mediaHosts?: readonly MediaHostRule[];
  logger: Logger;
  /** Defaults to the proxy's own; a test passes one to see which requests wait. */
  revalidationLines?: RevalidationLines;
  /**
   * Who each request acts as upstream (auth/resolve-credential.ts); defaults to `upstream.apiKey`
   * for every request, as before sessions.
   */
  credentials?: CredentialResolver;
  /** The `/auth` routes: the settings, and the session store etc. when people can sign in (null: they cannot). */
  auth?: { settings: AuthSettings; context: AuthContext | null };
  /** Answers `/api/v1/*` and declares `/api/capabilities`; defaults to Close at `upstream`. */
  connector?: Connector;
  /** The manager's desk's zones (`/team/zones`, team/team-routes.ts), asked of Close at `upstream`; absent: not served. */
  team?: Pick<TeamRoutesOptions, 'store' | 'demoZones'>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the active backend can do (src/shared/contract/capabilities.ts); src/lib/capabilities.ts reads it. */
const CAPABILITIES_PATH = '/api/capabilities';

export function createApp(options: AppOptions): Hono<AppEnv> {
  const { logger } = options;
  const app = new Hono<AppEnv>();
  const hostMatches = createHostMatcher(options.allowedHosts, options.anyIpHost ?? false);

  const logRequests = logger.isEnabled('debug');
  const originAllowed = createOriginCheck(hostMatches, options.allowedOrigins);
  const credentials = options.credentials ?? fixedCredentialResolver(options.upstream.apiKey ?? '');
  const connector = options.connector ?? createCloseConnector({ upstream: options.upstream });
  const forward = connector.contractHandler({ credentials, timeoutMs: options.timeoutMs, logger, lines: options.revalidationLines });

  // Forwarded API calls are nearly all of the traffic, and they need nothing the middleware
  // below builds for each request (Headers objects for the request id and security headers, an
  // async step per guard): the forward handler writes complete answers itself. So they come here
  // first, where the same guards, request id and request log are applied inline; a request a
  // guard refuses falls through to the middleware and is refused there as before. Removing this
  // shortcut changes no answer, only the cost: a good part of the app thread's CPU time per
  // proxied request (ADR 0001 has the figure).
  app.all(`${API_PREFIX}/*`, async (c, next) => {
    const { incoming } = c.env;
    if (!hostAllowed(hostMatches, incoming) || !originAllowed(incoming)) return next();
    c.set('requestId', requestIdOf(incoming));
    if (logRequests) logWhenDone(logger, c);
    return forward(c);
  });
  // What the backend can do, the same for everyone: read once by the browser, which branches on it.
  const capabilities = JSON.stringify(connector.capabilities);
  const answerCapabilities = (c: Context<AppEnv>) => {
    c.header('cache-control', 'no-cache');
    c.header('content-type', 'application/json');
    return c.body(capabilities);
  };
  if (options.firstView) routeFirstViewReads(app, forward, options.firstView, answerCapabilities);

  app.use(requestId());
  app.use(async (c, next) => {
    setSecurityHeaders(c);
    await next();
  });
  if (logRequests) {
    app.use(async (c, next) => {
      logWhenDone(logger, c);
      await next();
    });
  }
  app.use(hostGuard(hostMatches));
  app.use(originGuard(hostMatches, options.allowedOrigins));

  app.get('/api/health', (c) => c.json({ ok: true, mode: options.mode }));
  app.get(CAPABILITIES_PATH, answerCapabilities);
  if (options.auth) app.route('/auth', createAuthRoutes(options.auth.settings, options.auth.context, { provider: connector.signIn }));
  if (options.team) {
    // Who asks, and who is of their organization, by the backend's connector (Close's `/me/`, Outreach's users).
    const { provider, whoIs } = connector.signIn;
    const memberIds = connector.organizationMemberIds?.bind(connector);
    const backend = { provider, whoIs, ...(memberIds ? { memberIds } : {}) };
    app.route('/team', createTeamRoutes({ ...options.team, credentials, upstream: { baseUrl: options.upstream.baseUrl, timeoutMs: options.timeoutMs, backend } }));
  }
  app.on(['GET', 'HEAD'], '/api/media', createMediaHandler({
    credentials,
    mediaHosts: options.mediaHosts ?? defaultMediaHosts(options.upstream.baseUrl),
    timeoutMs: options.timeoutMs,
    logger,
  }));
  app.all(`${API_PREFIX}/*`, forward);

  if (options.staticDir) serveBuiltApp(app, options.staticDir, options.firstView ? createFirstViewStreamer(options.firstView, logger) : null, credentials);

  app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    // Set again for an error thrown on the shortcut, which skipped the middleware that sets them.
    setSecurityHeaders(c);
    if (c.get('requestId')) c.header('X-Request-Id', c.get('requestId'));
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: error.message || 'Bad request' }, error.status);
    }
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: error.stack ?? String(error),
    });
    return c.json({ error: 'Internal server error', requestId: c.get('requestId') }, 500);
  });
  return app;
}

/**
 * The request id as Hono's `requestId()` middleware picks it: the caller's `X-Request-Id` when
 * it is short and plain, a random UUID otherwise.
 */
function requestIdOf(incoming: IncomingMessage): string {
  const given = incoming.headers['x-request-id'];
  return typeof given === 'string' && given !== '' && given.length <= 255 && !/[^\w\-=]/.test(given) ? given : crypto.randomUUID();
}

/** One debug line per request once its response is done (or abandoned). */
function logWhenDone(logger: Logger, c: Context<AppEnv>): void {
  const started = performance.now();
  const { incoming, outgoing } = c.env;
  outgoing.once('close', () => {
    logger.debug('request', {
      requestId: c.get('requestId'),
      method: incoming.method,
      path: (incoming.url ?? '').split('?')[0],
      status: outgoing.statusCode,
      ms: Math.round(performance.now() - started),
      complete: outgoing.writableFinished,
    });
  });
}

function setSecurityHeaders(c: Context<AppEnv>): void {
  const headers = isApiPath(c.req.path) ? API_SECURITY_HEADERS : APP_SECURITY_HEADERS;
  for (const name in headers) c.header(name, headers[name]);
}

function isFilePath(p: string): boolean {
  return /\.[a-z0-9]+$/i.test(p);
}

/**
 * `/__first-view/<token>/api/v1/*`: the renderer's reads for a signed-in person's first view
 * (first-view-tokens.ts), forwarded as that person. Only from this machine, only while the token's
 * renders run, and only reads; anything else is a 404.
 */
function routeFirstViewReads(app: Hono<AppEnv>, forward: ContractHandler, renderer: FirstViewRenderer, answerCapabilities: (c: Context<AppEnv>) => Response): void {
  const tokens = firstViewTokensOf(renderer);
  // The render's loader reads the capabilities through its own origin too (the same for everyone).
  app.get(`${FIRST_VIEW_PREFIX}:token${CAPABILITIES_PATH}`, (c) => {
    if (!fromThisMachine(c.env.incoming)) return c.json({ error: 'Not found' }, 404);
    for (const name in API_SECURITY_HEADERS) c.header(name, API_SECURITY_HEADERS[name]);
    return answerCapabilities(c);
  });
  app.get(`${FIRST_VIEW_PREFIX}:token${API_PREFIX}/*`, (c) => {
    const { incoming } = c.env;
    const credential = fromThisMachine(incoming) ? tokens.credentialFor(c.req.param('token')) : undefined;
    if (!credential) return c.json({ error: 'Not found' }, 404);
    c.set('requestId', requestIdOf(incoming));
    const target = incoming.url ?? '/';
    return forward.forward(c, target.slice(target.indexOf(API_PREFIX)), credential);
  });
}

function fromThisMachine(incoming: IncomingMessage): boolean {
  const remote = incoming.socket.remoteAddress ?? '';
  return remote === incoming.socket.localAddress || remote === '::1' || /^(::ffff:)?127\./.test(remote);
}

/** This server as the request reached it: an address it can always reach itself on. */
function ownOrigin(incoming: IncomingMessage | undefined): string | null {
  const socket = incoming?.socket;
  if (!socket?.localPort) return null;
  const address = socket.localAddress?.replace(/^::ffff:(?=\d+\.)/, '') || '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
}

/** Our JSON endpoints: never a page, and answered with the API's security headers. */
/** The first view's renderer and the server's own build sit in the build folder; neither is served. */
function isServerOnlyPath(p: string): boolean {
  return p.startsWith(`/${RENDERER_DIR}/`) || p.startsWith(`/${SERVER_BUILD_DIR}/`);
}

/** The browser app's sign-in page (src/app/routes/sign-in.tsx). */
const SIGN_IN_PATH = '/sign-in';

/** Where scripts/build-server.mjs puts the server inside the build folder. */
const SERVER_BUILD_DIR = 'server';

function isApiPath(p: string): boolean {
  return p === '/api' || p.startsWith('/api/') || p === '/auth' || p.startsWith('/auth/') || p === TEAM_ZONES_ROUTE || p.startsWith(`${TEAM_ZONES_ROUTE}/`);
}

/** What a streamed page may run inline besides index.html's own scripts. */
const FIRST_VIEW_INLINE_SCRIPTS = [HOLD_EARLY_KEYS, START_APP_AFTER_PAINT];

/**
 * Files from `dist/`, and `index.html` for any other page path so client-side routes survive a
 * reload. Hashed `/assets/*` never change under one name: cached for a year. index.html must be
 * revalidated, or a rebuilt app would keep loading the old bundle.
 */
function serveBuiltApp(
  app: Hono<AppEnv>,
  staticDir: string,
  streamFirstView: ReturnType<typeof createFirstViewStreamer> | null,
  credentials: CredentialResolver,
): void {
  const root = path.resolve(staticDir);
  const indexFile = path.join(root, 'index.html');
  // serveStatic complains on the console about a missing root; a missing build is reported below.
  // `precompressed`: the build writes a gzip copy of each hashed asset next to it (vite.config.ts),
  // sent to browsers that accept gzip: a third of the bytes for the browser to take in before the
  // app can start, at no compression cost per request.
  const files = fs.existsSync(root) ? serveStatic<AppEnv>({ root, precompressed: true }) : null;

  if (files) app.use('*', async (c, next) => {
    const method = c.req.method;
    // Pages (paths without an extension, `/` too) are answered below; the renderer is not a file to serve.
    if ((method !== 'GET' && method !== 'HEAD') || isApiPath(c.req.path) || !isFilePath(c.req.path) || isServerOnlyPath(c.req.path)) return next();
    c.header('cache-control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    return files(c, next);
  });

  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const p = c.req.path;
    // A missing script or image must stay a 404, not turn into a page of HTML.
    if (isApiPath(p) || p.startsWith('/assets/') || isFilePath(p)) return next();
    let html: string;
    try {
      html = await fs.promises.readFile(indexFile, 'utf8');
    } catch {
      return c.json({ error: 'The app is not built: run `npm run build` (or `npm start`, which builds it).' }, 503);
    }
    c.header('cache-control', 'no-cache');
    // Rendered as the person asking; someone who must sign in first gets the page as built, less
    // the user's preload, and so does the sign-in page, which shows no tasks.
    const resolved = await credentials.resolve(c);
    const credential = isRefusal(resolved) ? null : resolved;
    if (isRefusal(resolved) && resolved.status === 401 && resolved.body.sign_in_required && p !== SIGN_IN_PATH) {
      // Straight to sign-in, and back here after it, without loading the app to find out.
      const url = new URL(c.req.url);
      c.header('cache-control', 'no-store');
      return c.redirect(`${SIGN_IN_PATH}?return_to=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    if (!credential || p === SIGN_IN_PATH) html = withoutUserPreload(html);
    const origin = streamFirstView && credential && p !== SIGN_IN_PATH && c.req.method === 'GET' ? ownOrigin(c.env?.incoming) : null;
    const parts = origin ? splitPage(html) : null;
    if (!streamFirstView || !origin || !parts || !credential) {
      c.header('content-security-policy', appCspFor(html));
      return c.html(html);
    }
    c.header('content-security-policy', appCspFor(html, FIRST_VIEW_INLINE_SCRIPTS));
    c.header('content-type', 'text/html; charset=UTF-8');
    // The page may carry the user's tasks: no shared cache keeps it.
    c.header('cache-control', 'private, no-cache');
    const url = new URL(c.req.url);
    return c.body(streamFirstView(parts, url.pathname + url.search, { ownOrigin: origin, credential }, browserZoneFrom(c.req.header('cookie'))));
  });
}
