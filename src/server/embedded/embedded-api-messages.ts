import type { DemoSummary } from '../db/seed';

/** What the embedded API's thread tells the app server's thread. */
export type FromEmbeddedThread =
  | { type: 'ready'; baseUrl: string; databaseFile: string; summary: DemoSummary }
  | { type: 'failed'; message: string; startupError: boolean }
  | { type: 'stopped' };

export type ToEmbeddedThread = { type: 'stop' };
