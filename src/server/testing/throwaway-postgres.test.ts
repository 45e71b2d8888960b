import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startThrowawayPostgres } from './throwaway-postgres';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const originalDatabaseUrl = process.env.DATABASE_URL;
afterEach(() => {
  if (originalDatabaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = originalDatabaseUrl;
});

describe('startThrowawayPostgres', () => {
  it('starts a database that answers queries, and stop() takes it away', async () => {
    const db = await startThrowawayPostgres();
    expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await db.stop();
    await expect(query(db.url, 'select 1')).rejects.toThrow();
  }, 120_000);

  it('with DATABASE_URL set, creates a fresh database there and drops it on stop()', async () => {
    const server = await startThrowawayPostgres();
    try {
      process.env.DATABASE_URL = server.url;
      const db = await startThrowawayPostgres();
      const name = new URL(db.url).pathname.slice(1);
      expect(name).toMatch(/^triage_test_[0-9a-f]+$/);
      expect(await query(db.url, 'select current_database() as name')).toEqual([{ name }]);
      await db.stop();
      expect(await query(server.url, `select datname from pg_database where datname = '${name}'`)).toEqual([]);
    } finally {
      delete process.env.DATABASE_URL;
      await server.stop();
    }
  }, 120_000);
});
