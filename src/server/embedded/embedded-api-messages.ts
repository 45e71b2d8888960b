import type { DemoSummary } from '../db/seed/demo-organization';

/** What the embedded API's thread tells the app server's thread. */
export type FromEmbeddedThread =
  | { type: 'ready'; baseUrl: string; databaseFile: string; summary: DemoSummary; countsRequests: boolean }
  | { type: 'failed'; message: string; startupError: boolean }
  | { type: 'stopped' };

export type ToEmbeddedThread = { type: 'stop' };

/** The thread's `workerData`: what the app server's thread decided before starting it. */
export type EmbeddedThreadData = {
  /** The built-in OAuth client's secret; the app server holds the same one to exchange codes. */
  oauthClientSecret: string;
  /** expires_in of access tokens; EMBEDDED_OAUTH_TOKEN_TTL when absent. */
  accessTokenTtlSeconds?: number;
};
