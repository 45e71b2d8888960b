/**
 * Starts the embedded Outreach-compatible API for BACKEND=outreach-demo:
 *
 *   startOutreachApi({ dataDir, port, host?, defaultToken?, rateLimit?, oauth?, now?, onUnexpectedError? })
 *     → Promise<{ server, db, databaseFile, url, baseUrl, summary, close() }>
 *
 * - dataDir: the database is `<dataDir>/outreach.db` (SQLite, WAL), seeded with the demo on first start;
 * - port: API_PORT (0 picks a free one); host defaults to 127.0.0.1;
 * - defaultToken: EMBEDDED_OUTREACH_TOKEN, the default demo user's bearer token
 *   (default `triage-outreach-demo-token`);
 * - rateLimit: `{ limit, windowMs }` per user (Outreach: 10,000 an hour = OUTREACH_RATE_LIMIT), null for none;
 * - oauth: `{ clientId, clientSecret, accessTokenTtlSeconds?, refreshTokenTtlSeconds? }` to serve
 *   /oauth/authorize and /oauth/token for that one client.
 * `baseUrl` is `<url>/api/v2`; OAuth lives at `<url>/oauth/...`. `close()` stops the server, then the database.
 */
import { getRequestListener } from '@hono/node-server';
import type http from 'node:http';
import { StartupError, messageOf } from '../env';
import { type RunningServer, listen } from '../listen';
import type { Db } from '../db/open-database';
import { createOutreachApi } from './create-outreach-api';
import { openOutreachDatabase, outreachDatabaseFile } from './db/open-outreach-database';
import { DEFAULT_OUTREACH_TOKEN } from './demo/outreach-demo-data';
import { type OutreachDemoSummary, isOutreachSeeded, outreachDemoSummary, seedOutreachDemo, setDefaultOutreachToken } from './demo/seed-outreach-demo';
import type { OutreachRateLimitOptions } from './http/rate-limit';
import type { OutreachOAuthOptions } from './oauth/outreach-oauth-client';

export type StartOutreachApiOptions = {
  dataDir: string;
  port: number;
  host?: string;
  defaultToken?: string;
  rateLimit?: OutreachRateLimitOptions | null;
  oauth?: OutreachOAuthOptions;
  now?: () => number;
  onUnexpectedError?: (error: unknown) => void;
};

export type RunningOutreachApi = {
  server: RunningServer;
  db: Db;
  databaseFile: string;
  url: string;
  baseUrl: string;
  summary: OutreachDemoSummary;
  close(): Promise<void>;
};

export async function startOutreachApi(opts: StartOutreachApiOptions): Promise<RunningOutreachApi> {
  const file = outreachDatabaseFile(opts.dataDir);
  const now = opts.now ?? Date.now;
  let db: Db;
  try {
    db = openOutreachDatabase(file);
  } catch (error) {
    throw new StartupError(`cannot open the Outreach demo database ${file}: ${messageOf(error)}; move it away or set DATA_DIR to another folder`);
  }
  try {
    const token = opts.defaultToken ?? DEFAULT_OUTREACH_TOKEN;
    if (!isOutreachSeeded(db)) seedOutreachDemo(db, { nowMs: now(), defaultToken: token });
    try {
      setDefaultOutreachToken(db, token);
    } catch (error) {
      throw new StartupError(`EMBEDDED_OUTREACH_TOKEN cannot be used (${messageOf(error)})`);
    }
    // `links` are absolute on the API's own origin, known once the port is bound.
    let handle: http.RequestListener = (_req, res) => {
      res.writeHead(503).end();
    };
    const server = await listen({ host: opts.host ?? '127.0.0.1', port: opts.port, portSetting: 'API_PORT', handler: (req, res) => handle(req, res) });
    const api = createOutreachApi({ db, publicUrl: server.url, rateLimit: opts.rateLimit ?? null, now, oauth: opts.oauth, onUnexpectedError: opts.onUnexpectedError });
    handle = getRequestListener(api.fetch);
    return {
      server, db, databaseFile: file, url: server.url, baseUrl: `${server.url}/api/v2`, summary: outreachDemoSummary(db),
      async close() {
        await server.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
