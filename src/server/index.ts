/**
 * Starts Triage: the app server on HOST:PORT and, with BACKEND=embedded (no CLOSE_API_KEY), the
 * embedded Close-compatible API on 127.0.0.1:API_PORT with its SQLite database; and the session
 * store people sign in to (auth/open-auth.ts). Stops cleanly on SIGINT/SIGTERM: the server first,
 * then the store, then the embedded API. A setting that cannot work stops it with one line on
 * stderr and exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp, type UpstreamMode } from './app';
import { type OpenedAuth, openAuth } from './auth/open-auth';
import { demoZonesOf, openZoneStore } from './team/open-zone-store';
import type { ZoneStore } from './team/zone-store';
import { createCloseConnector } from './connectors/close/close-connector';
import type { Connector } from './connectors/connector';
import { type OpenedOutreachDemo, openOutreachDemo } from './connectors/outreach/open-outreach-demo';
import { OUTREACH_SCOPES, createOutreachConnector } from './connectors/outreach/outreach-connector';
import { loadFirstViewRenderer, warmUpFirstView } from './first-view';
import { type Env, StartupError, messageOf, parseEnv } from './env';
import { type RunningServer, listen } from './listen';
import { createLogger } from './logger';
import type { UpstreamTarget } from './proxy/forward-request';
import { type EmbeddedApiThread, startEmbeddedApiThread } from './embedded/start-embedded-api-thread';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const knownSecrets = [env.CLOSE_API_KEY ?? '', env.EMBEDDED_API_KEY, env.SESSION_SECRET ?? '', env.CLOSE_OAUTH_CLIENT_SECRET ?? '', env.OUTREACH_CLIENT_SECRET ?? '', env.EMBEDDED_OUTREACH_TOKEN];
  let logger = createLogger({ level: env.LOG_LEVEL, secrets: knownSecrets });

  let embedded: EmbeddedApiThread | null = null;
  let outreachDemo: OpenedOutreachDemo | null = null;
  let auth: OpenedAuth | null = null;
  let zones: ZoneStore | null = null;
  let appServer: RunningServer | null = null;
  const stopping = new AbortController();
  const stopAll = async () => {
    stopping.abort();
    await appServer?.close();
    await auth?.close();
    await zones?.close();
    await embedded?.stop();
    await outreachDemo?.standIn.close();
  };

  // Listening from the start: a stop requested while starting is carried out once started.
  let started = false;
  let stopRequested: NodeJS.Signals | null = null;
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info(`${signal} received, stopping`);
    const hardStop = setTimeout(() => {
      process.stderr.write('triage: shutdown took too long; exiting anyway\n');
      process.exit(1);
    }, 10_000);
    hardStop.unref();
    stopAll().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: messageOf(error) });
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C may arrive twice (process group, and relayed by start.mjs): stop once.
    if (stopRequested) return;
    stopRequested = signal;
    if (started) shutdown(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  try {
    const mode: UpstreamMode = env.BACKEND;
    let upstream: UpstreamTarget;
    let connector: Connector | null = null;
    if (mode === 'outreach') {
      // Everyone signs in with Outreach's OAuth through the same sessions as Close (env.ts requires it).
      const oauth = { clientId: env.OUTREACH_CLIENT_ID!, clientSecret: env.OUTREACH_CLIENT_SECRET!, authorizeUrl: env.OUTREACH_OAUTH_URL, tokenUrl: env.OUTREACH_OAUTH_TOKEN_URL, scope: OUTREACH_SCOPES };
      connector = createOutreachConnector({ baseUrl: env.OUTREACH_API_URL, oauth });
      upstream = { baseUrl: env.OUTREACH_API_URL };
      auth = await openAuth(env, { apiBaseUrl: env.OUTREACH_API_URL, defaultApiKey: null, demoUsers: null, embeddedOAuth: oauth, whoIs: connector.signIn.whoIs }, logger);
    } else if (mode === 'outreach-demo') {
      outreachDemo = await openOutreachDemo(env, logger, (error) => logger.error('embedded Outreach API error', { error: messageOf(error) }));
      upstream = { baseUrl: outreachDemo.standIn.baseUrl };
      auth = outreachDemo.auth;
      connector = outreachDemo.connector;
    } else if (mode === 'close') {
      upstream = { baseUrl: env.CLOSE_API_URL, apiKey: env.CLOSE_API_KEY };
      auth = await openAuth(env, { apiBaseUrl: env.CLOSE_API_URL, defaultApiKey: env.CLOSE_API_KEY ?? null, demoUsers: null, embeddedOAuth: null }, logger);
    } else {
      // Loaded only in embedded mode: with a real Close key, no embedded database is touched.
      embedded = await startEmbeddedApiThread({
        accessTokenTtlSeconds: env.EMBEDDED_OAUTH_TOKEN_TTL,
        onCrash: (error) => {
          process.stderr.write(`triage: the embedded Close API stopped: ${messageOf(error)}\n`);
          process.exit(1);
        },
      });
      upstream = { baseUrl: embedded.baseUrl, apiKey: env.EMBEDDED_API_KEY, changes: embedded.changes ?? undefined };
      const demoUsers = embedded.summary.users.map((u) => ({
        id: u.id,
        first_name: u.firstName,
        last_name: u.lastName,
        email: u.email,
        role: u.role,
        time_zone: u.timeZone,
        apiKey: u.apiKey,
      }));
      const embeddedOAuth = {
        clientId: embedded.oauthClientId,
        clientSecret: embedded.oauthClientSecret,
        authorizeUrl: embedded.oauthAuthorizeUrl,
        tokenUrl: embedded.oauthTokenUrl,
      };
      auth = await openAuth(env, { apiBaseUrl: embedded.baseUrl, defaultApiKey: env.EMBEDDED_API_KEY, demoUsers, embeddedOAuth }, logger);
    }
    logger = createLogger({ level: env.LOG_LEVEL, secrets: [...knownSecrets, ...auth.secrets] });

    const firstView = env.STATIC_DIR ? await loadFirstViewRenderer(env.STATIC_DIR) : null;
    zones = await openZoneStore(env, { signInStore: auth.context !== null });
    const demoZones = embedded ? demoZonesOf(embedded.summary) : null;
    const app = createApp({
      mode,
      upstream,
      connector: connector ?? createCloseConnector({ upstream, oauth: auth.settings.oauth }),
      allowedHosts: ['127.0.0.1', 'localhost', '[::1]', env.HOST],
      anyIpHost: WILDCARD_HOSTS.has(env.HOST),
      allowedOrigins: env.PUBLIC_ORIGIN,
      staticDir: env.STATIC_DIR,
      firstView,
      timeoutMs: env.UPSTREAM_TIMEOUT_MS,
      logger,
      credentials: auth.credentials,
      auth: { settings: auth.settings, context: auth.context },
      team: { store: zones, demoZones },
    });
    appServer = await listen({
      host: env.HOST,
      port: env.PORT,
      portSetting: 'PORT',
      hostSetting: 'HOST',
      handler: getRequestListener(app.fetch),
    });
    // The renderer's first run is several times slower than the next (V8 compiles it), and a
    // page past the render deadline goes out without its first view: run it once before the
    // first visitor, and on in the background until V8 has optimized it. Only on our own data;
    // Close itself is not asked on startup.
    if (firstView && mode === 'embedded' && env.SIGN_IN === 'optional') await warmUpFirstView(firstView, appServer.url, { signal: stopping.signal });
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }

  started = true;
  if (stopRequested) return shutdown(stopRequested);
  printBanner(appServer.url, env, embedded, outreachDemo);
}

function printBanner(url: string, env: Env, embedded: EmbeddedApiThread | null, outreachDemo: OpenedOutreachDemo | null): void {
  const lines = [`Triage listening on ${url}`];
  if (outreachDemo) {
    const { standIn } = outreachDemo;
    lines.push(`Mode: embedded Outreach API at ${standIn.baseUrl} (data: ${standIn.databaseFile})`);
    lines.push(`${standIn.summary.tasks} tasks. Demo users (tokens of the embedded Outreach API; without a session the app acts with EMBEDDED_OUTREACH_TOKEN):`);
    lines.push(...tableLines(outreachDemo.demoUsers.map((u) => [`${u.first_name} ${u.last_name}`, u.role, u.time_zone, u.apiKey === env.EMBEDDED_OUTREACH_TOKEN ? `${u.apiKey} (default)` : u.apiKey])));
  } else if (embedded) {
    const relative = path.relative(process.cwd(), embedded.databaseFile);
    const shown = relative && !relative.startsWith('..') ? relative : embedded.databaseFile;
    lines.push(`Mode: embedded Close API at ${embedded.baseUrl} (data: ${shown})`);
    lines.push('Demo users (API keys of the embedded API; the app signs in with EMBEDDED_API_KEY):');
    const rows = embedded.summary.users.map((u) => [
      `${u.firstName} ${u.lastName}`,
      u.role,
      u.timeZone,
      u.apiKey === env.EMBEDDED_API_KEY ? `${u.apiKey} (signed in)` : u.apiKey,
    ]);
    lines.push(...tableLines(rows));
  } else {
    lines.push(env.BACKEND === 'outreach' ? `Mode: Outreach at ${env.OUTREACH_API_URL}` : `Mode: Close at ${env.CLOSE_API_URL}${env.CLOSE_API_KEY ? ' (key from CLOSE_API_KEY)' : ''}`);
  }
  lines.push(env.SIGN_IN === 'required' ? 'Sign-in: required (each person signs in as themselves).' : 'Sign-in: optional (without a session the default key acts).');
  if (!env.STATIC_DIR) lines.push('Serving the API only (STATIC_DIR is empty).');
  else if (!fs.existsSync(path.join(env.STATIC_DIR, 'index.html'))) {
    lines.push(`The app is not built yet (no ${path.join(env.STATIC_DIR, 'index.html')}): run \`npm run build\`, or \`npm start\`, which builds it.`);
  }
  lines.push('Stop with Ctrl-C.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Demo users as the banner lists them: name, role and zone padded to columns, then the key. */
function tableLines(rows: string[][]): string[] {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((row) => `  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`);
}

/** One line a person can act on; the stack only when asked for with LOG_LEVEL=debug. */
function reportStartupFailure(error: unknown): never {
  const message = error instanceof StartupError ? error.message : `failed to start: ${messageOf(error)}`;
  process.stderr.write(`triage: ${message.split('\n')[0]}\n`);
  if (!(error instanceof StartupError) && process.env.LOG_LEVEL === 'debug' && error instanceof Error) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
}

main().catch((error: unknown) => reportStartupFailure(error));
