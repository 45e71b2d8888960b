/**
 * One connection per instance that LISTENs for the sessions other instances end or change
 * (postgres-session-store.ts announces them with NOTIFY). `listening` is false from the moment
 * the connection breaks until it is listening again (retried every `retryMs`): meanwhile the
 * store keeps nothing in memory, as it could miss an announcement.
 */
import pg from 'pg';

export interface SessionChangeListener {
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface SessionChangeHandlers {
  /** Another instance (or this one) ended or changed the session with this id. */
  changed(id: string): void;
  /** Announcements may have been missed: whatever was kept is to be dropped. */
  lost(): void;
}

export async function listenForSessionChanges(
  url: string,
  channel: string,
  on: SessionChangeHandlers,
  options: { retryMs?: number } = {},
): Promise<SessionChangeListener> {
  const retryMs = options.retryMs ?? 1_000;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const broke = (broken: pg.Client) => {
    if (client !== broken) return;
    client = null;
    listening = false;
    on.lost();
    broken.end().catch(() => {});
    if (!closed) {
      retry = setTimeout(() => void connect(), retryMs);
      retry.unref();
    }
  };

  async function connect(): Promise<void> {
    retry = null;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) on.changed(message.payload);
    });
    next.on('error', () => broke(next));
    next.on('end', () => broke(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch {
      broke(next);
      return;
    }
    if (client !== next || closed) return;
    // Whatever was read before now was read without listening.
    on.lost();
    listening = true;
  }

  await connect();
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      const last = client;
      client = null;
      await last?.end().catch(() => {});
    },
  };
}
