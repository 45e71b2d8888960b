/**
 * Starts the embedded Close API in a worker thread of its own. On a machine with two cores, the
 * API's SQLite queries and the app server's work (static files, the proxy's copying) then run
 * side by side instead of taking turns on one event loop; the proxy still reaches the API over
 * HTTP on loopback, exactly as it reaches Close.
 */
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { DemoSummary } from '../db/seed/demo-organization';
import { StartupError } from '../env';
import { EMBEDDED_OAUTH_CLIENT_ID } from '../close-api/oauth/oauth-client';
import type { EmbeddedThreadData, FromEmbeddedThread, ToEmbeddedThread } from './embedded-api-messages';
import { type EmbeddedDataVersion, openEmbeddedDataVersion } from './embedded-data-version';

export interface EmbeddedApiThread {
  /** e.g. http://127.0.0.1:3001/api/v1 */
  baseUrl: string;
  databaseFile: string;
  summary: DemoSummary;
  /** The embedded API's built-in OAuth client (`triage-embedded`), for "Sign in with Close" against it. */
  oauthClientId: string;
  /** Its secret: the one passed in, or one generated for this start. Never sent to a browser. */
  oauthClientSecret: string;
  /** e.g. http://127.0.0.1:3001/oauth2/authorize/ (the consent page) */
  oauthAuthorizeUrl: string;
  /** e.g. http://127.0.0.1:3001/oauth2/token/ */
  oauthTokenUrl: string;
  /**
   * For the proxy: its database's data version, so a copy the API confirmed is not asked about
   * again until something changed (embedded-data-version.ts); null while the API counts requests.
   */
  changes: EmbeddedDataVersion | null;
  /** Closes the API's server and its database, then ends the thread. */
  stop(): Promise<void>;
}

/**
 * Resolves once the API listens; rejects with a `StartupError` for a setting a person can fix
 * (port in use, unusable DATA_DIR). `onCrash`: the thread died after starting.
 */
export function startEmbeddedApiThread(options: {
  onCrash: (error: Error) => void;
  /** The OAuth client's secret; a random one when absent. */
  oauthClientSecret?: string;
  /** expires_in of the API's access tokens; EMBEDDED_OAUTH_TOKEN_TTL when absent. */
  accessTokenTtlSeconds?: number;
}): Promise<EmbeddedApiThread> {
  const oauthClientSecret = options.oauthClientSecret ?? crypto.randomBytes(32).toString('base64url');
  const workerData: EmbeddedThreadData = { oauthClientSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds };
  const worker = new Worker(new URL('./embedded-api-thread-entry.mjs', import.meta.url), { workerData });
  let started = false;
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromEmbeddedThread) => {
      if (message.type === 'failed') {
        reject(message.startupError ? new StartupError(message.message) : new Error(message.message));
      } else if (message.type === 'ready') {
        started = true;
        const origin = new URL(message.baseUrl).origin;
        const changes = message.countsRequests ? null : openEmbeddedDataVersion(message.databaseFile);
        resolve({
          baseUrl: message.baseUrl,
          oauthClientId: EMBEDDED_OAUTH_CLIENT_ID,
          oauthClientSecret,
          oauthAuthorizeUrl: `${origin}/oauth2/authorize/`,
          oauthTokenUrl: `${origin}/oauth2/token/`,
          databaseFile: message.databaseFile,
          summary: message.summary,
          changes,
          stop: async () => {
            stopping = true;
            changes?.close();
            worker.postMessage({ type: 'stop' } satisfies ToEmbeddedThread);
            await exited;
          },
        });
      }
    });
    worker.on('error', (error) => {
      if (!started) reject(error);
      else if (!stopping) options.onCrash(error);
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`the embedded API's thread ended (exit ${code}) before it started`));
      else if (!stopping) options.onCrash(new Error(`the embedded API's thread ended (exit ${code})`));
    });
  });
}
