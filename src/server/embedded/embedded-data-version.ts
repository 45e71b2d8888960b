/**
 * The embedded API's offer to the proxy (proxy/upstream-changes.ts): its database's data version,
 * read on a read-only connection of the app server's own. SQLite changes a connection's
 * `PRAGMA data_version` whenever another connection commits, so the API's writes, and those of
 * any other process with the file open, all move it: no write path can forget to. A reading
 * costs a few microseconds, against a round trip to the API's thread.
 *
 * Its only answers with ETags, and so the only ones the proxy copies, are task lists, which
 * change by the clock alone when the day turns over in the caller's zone (the view boundary the
 * API's own cache is keyed by, close-api/tasks/list-tasks.ts): a confirmation holds until then,
 * and never longer than HOLD_AT_MOST_MS.
 *
 * Offered only while the API counts no requests (EMBEDDED_RATE_LIMIT=0): with a rate limit every
 * request must reach it to be counted, as it would reach Close.
 */
import type { IncomingHttpHeaders } from 'node:http';
import Database from 'better-sqlite3';
import { parseTzOffset } from '@/shared/close/dates';
import { viewBoundaryAt } from '@/shared/close/task-view-rule';
import type { UpstreamChanges } from '../proxy/upstream-changes';

/** The longest a confirmation holds, whatever the clock: a bound on anything else time might change. */
export const HOLD_AT_MOST_MS = 60_000;

export interface EmbeddedDataVersion extends UpstreamChanges {
  close(): void;
}

/** Until the next view boundary in the request's zone (`x-tz-offset`), at most HOLD_AT_MOST_MS. */
export function embeddedAnswerHoldsUntil(sentAt: number, headers: IncomingHttpHeaders): number {
  const header = headers['x-tz-offset'];
  const offset = parseTzOffset(Array.isArray(header) ? header[0] : header);
  // The API refuses a malformed offset: nothing to hold.
  if (offset === null) return sentAt;
  return Math.min(viewBoundaryAt(sentAt, offset), sentAt + HOLD_AT_MOST_MS);
}

export function openEmbeddedDataVersion(databaseFile: string): EmbeddedDataVersion {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  return {
    version: () => dataVersion.get()!,
    holdsUntil: embeddedAnswerHoldsUntil,
    close: () => {
      if (db.open) db.close();
    },
  };
}
