/**
 * The body of the embedded API's worker thread: opens the API, reports `ready` (or `failed`) to
 * the app server's thread, and closes the server and the database when told to `stop`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { StartupError, messageOf, parseEnv } from '../env';
import { createLogger } from '../logger';
import { openEmbeddedApi } from './open-embedded-api';
import { EMBEDDED_OAUTH_CLIENT_ID } from '../close-api/oauth/oauth-client';
import type { EmbeddedThreadData, FromEmbeddedThread, ToEmbeddedThread } from './embedded-api-messages';

const port = parentPort;
if (!port) throw new Error('embedded-api-thread runs as a worker thread');
const post = (message: FromEmbeddedThread) => port.postMessage(message);

try {
  // A worker sees a copy of the process environment: the same settings the app server parsed.
  const env = parseEnv(process.env);
  const data = workerData as EmbeddedThreadData;
  const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.CLOSE_API_KEY ?? '', env.EMBEDDED_API_KEY, data.oauthClientSecret] });
  const api = await openEmbeddedApi(env, logger, {
    oauth: {
      clientId: EMBEDDED_OAUTH_CLIENT_ID,
      clientSecret: data.oauthClientSecret,
      accessTokenTtlSeconds: data.accessTokenTtlSeconds ?? env.EMBEDDED_OAUTH_TOKEN_TTL,
    },
  });
  port.on('message', (message: ToEmbeddedThread) => {
    if (message.type !== 'stop') return;
    void api.server
      .close()
      .finally(() => {
        api.db.close();
        post({ type: 'stopped' });
        port.close();
      });
  });
  post({ type: 'ready', baseUrl: api.baseUrl, databaseFile: api.databaseFile, summary: api.summary, countsRequests: env.EMBEDDED_RATE_LIMIT > 0 });
} catch (error) {
  post({ type: 'failed', message: messageOf(error), startupError: error instanceof StartupError });
  port.close();
}
