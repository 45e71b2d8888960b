/**
 * The embedded Close-compatible API as `npm start` runs it: the SQLite database in DATA_DIR
 * (seeded on first start), the API on 127.0.0.1:API_PORT. Runs inside the embedded API's thread
 * (embedded-api-thread.ts), so its queries never hold up the app server's event loop.
 */
import type http from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type Env, StartupError, ensureWritableDataDir, messageOf } from '../env';
import { type RunningServer, listen } from '../listen';
import type { Logger } from '../logger';
import type { Db } from '../db/open-database';
import type { DemoSummary } from '../db/seed/demo-organization';
import type { EmbeddedOAuthOptions } from '../close-api/oauth/oauth-client';

export interface OpenEmbeddedApi {
  server: RunningServer;
  db: Db;
  databaseFile: string;
  baseUrl: string;
  summary: DemoSummary;
}

export async function openEmbeddedApi(
  env: Env,
  logger: Logger,
  options: { oauth?: EmbeddedOAuthOptions } = {},
): Promise<OpenEmbeddedApi> {
  ensureWritableDataDir(env.DATA_DIR);
  const [{ openDatabase, databaseFile }, seed, { seedDemoActivitiesIfMissing }, { createCloseApi }] = await Promise.all([
    import('../db/open-database'),
    import('../db/seed/demo-organization'),
    import('../db/demo-activities'),
    import('../close-api/create-close-api'),
  ]);
  const file = databaseFile(env.DATA_DIR);
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (error) {
    throw new StartupError(`cannot open the database ${file}: ${messageOf(error)}; move it away or set DATA_DIR to another folder`);
  }
  try {
    if (!seed.isSeeded(db)) seed.seedDemoData(db, { defaultApiKey: env.EMBEDDED_API_KEY });
    try {
      seed.setDefaultUserApiKey(db, env.EMBEDDED_API_KEY);
    } catch (error) {
      throw new StartupError(`EMBEDDED_API_KEY cannot be used (${messageOf(error)}); it may be another demo user's key`);
    }
    const summary = seed.demoSummary(db);
    // Databases seeded before activities existed get them on their next start.
    seedDemoActivitiesIfMissing(db, summary.organizationId, Date.now());

    // The API builds absolute media URLs on its own origin, known once the port is bound.
    let handle: http.RequestListener = (_req, res) => {
      res.writeHead(503).end();
    };
    const server = await listen({
      host: '127.0.0.1',
      port: env.API_PORT,
      portSetting: 'API_PORT',
      handler: (req, res) => handle(req, res),
    });
    const api = createCloseApi({
      db,
      publicUrl: server.url,
      rateLimit: env.EMBEDDED_RATE_LIMIT > 0 ? { limit: env.EMBEDDED_RATE_LIMIT, windowMs: 1000 } : null,
      onUnexpectedError: (error) => logger.error('embedded Close API failed', { error: messageOf(error) }),
      oauth: options.oauth,
    });
    handle = getRequestListener(api.fetch);
    return { server, db, databaseFile: file, baseUrl: `${server.url}/api/v1`, summary };
  } catch (error) {
    db.close();
    throw error;
  }
}
