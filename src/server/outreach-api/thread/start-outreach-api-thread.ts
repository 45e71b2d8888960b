/**
 * Starts the Outreach stand-in in a worker thread of its own, as the Close stand-in runs
 * (src/server/embedded/): its SQLite work then runs beside the app server's instead of taking turns
 * on one event loop, and the app reaches it over HTTP on loopback, exactly as it reaches Outreach.
 *
 *   startOutreachApiThread({ dataDir, port, host?, defaultToken?, rateLimit?, oauth?, onCrash, onUnexpectedError? })
 *     → Promise<{ url, baseUrl, oauthAuthorizeUrl, oauthTokenUrl, databaseFile, summary, stop() }>
 *
 * Resolves once the API listens; rejects with a `StartupError` for a setting a person can fix
 * (port in use, unusable data folder). `onCrash`: the thread died after starting.
 */
import { Worker } from 'node:worker_threads';
import { StartupError } from '../../env';
import type { OutreachDemoSummary } from '../demo/seed-outreach-demo';
import type { FromOutreachThread, OutreachThreadData, ToOutreachThread } from './outreach-api-thread-messages';

export interface OutreachApiThread {
  /** e.g. http://127.0.0.1:3001 */
  url: string;
  /** e.g. http://127.0.0.1:3001/api/v2 */
  baseUrl: string;
  /** The consent page, e.g. http://127.0.0.1:3001/oauth/authorize (served when `oauth` was given). */
  oauthAuthorizeUrl: string;
  oauthTokenUrl: string;
  databaseFile: string;
  summary: OutreachDemoSummary;
  /** Closes the API's server and its database, then ends the thread. */
  stop(): Promise<void>;
}

export function startOutreachApiThread(
  options: OutreachThreadData & { onCrash: (error: Error) => void; onUnexpectedError?: (message: string) => void },
): Promise<OutreachApiThread> {
  const { onCrash, onUnexpectedError, ...settings } = options;
  const worker = new Worker(new URL('./outreach-api-thread-entry.mjs', import.meta.url), { workerData: settings satisfies OutreachThreadData });
  let started = false;
  let stopping = false;
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromOutreachThread) => {
      if (message.type === 'failed') {
        reject(message.startupError ? new StartupError(message.message) : new Error(message.message));
      } else if (message.type === 'unexpected-error') {
        (onUnexpectedError ?? ((m) => console.error('embedded Outreach API error:', m)))(message.message);
      } else if (message.type === 'ready') {
        started = true;
        resolve({
          url: message.url,
          baseUrl: message.baseUrl,
          oauthAuthorizeUrl: `${message.url}/oauth/authorize`,
          oauthTokenUrl: `${message.url}/oauth/token`,
          databaseFile: message.databaseFile,
          summary: message.summary,
          stop: async () => {
            stopping = true;
            worker.postMessage({ type: 'stop' } satisfies ToOutreachThread);
            await exited;
          },
        });
      }
    });
    worker.on('error', (error) => {
      if (!started) reject(error);
      else if (!stopping) onCrash(error);
    });
    void exited.then((code) => {
      if (!started) reject(new Error(`the Outreach stand-in's thread ended (exit ${code}) before it started`));
      else if (!stopping) onCrash(new Error(`the Outreach stand-in's thread ended (exit ${code})`));
    });
  });
}
