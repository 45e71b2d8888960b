import type { OutreachDemoSummary } from '../demo/seed-outreach-demo';
import type { StartOutreachApiOptions } from '../start-outreach-api';

/** The thread's `workerData`: every setting, decided by the app server before starting it. */
export type OutreachThreadData = Omit<StartOutreachApiOptions, 'now' | 'onUnexpectedError'>;

/** What the stand-in's thread tells the app server's thread. */
export type FromOutreachThread =
  | { type: 'ready'; url: string; baseUrl: string; databaseFile: string; summary: OutreachDemoSummary }
  | { type: 'failed'; message: string; startupError: boolean }
  | { type: 'unexpected-error'; message: string }
  | { type: 'stopped' };

export type ToOutreachThread = { type: 'stop' };
