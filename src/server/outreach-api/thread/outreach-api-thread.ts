/**
 * The body of the Outreach stand-in's worker thread: starts the API with the settings in
 * `workerData`, reports `ready` (or `failed`), forwards unexpected errors (the app server logs
 * them), and closes the server and the database when told to `stop`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { StartupError, messageOf } from '../../env';
import { startOutreachApi } from '../start-outreach-api';
import type { FromOutreachThread, OutreachThreadData, ToOutreachThread } from './outreach-api-thread-messages';

const port = parentPort;
if (!port) throw new Error('outreach-api-thread runs as a worker thread');
const post = (message: FromOutreachThread) => port.postMessage(message);

try {
  const api = await startOutreachApi({
    ...(workerData as OutreachThreadData),
    onUnexpectedError: (error) => post({ type: 'unexpected-error', message: messageOf(error) }),
  });
  port.on('message', (message: ToOutreachThread) => {
    if (message.type !== 'stop') return;
    void api.close().finally(() => {
      post({ type: 'stopped' });
      port.close();
    });
  });
  post({ type: 'ready', url: api.url, baseUrl: api.baseUrl, databaseFile: api.databaseFile, summary: api.summary });
} catch (error) {
  post({ type: 'failed', message: messageOf(error), startupError: error instanceof StartupError });
  port.close();
}
