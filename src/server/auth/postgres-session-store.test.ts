import pg from 'pg';
import { startThrowawayPostgres } from '../testing/throwaway-postgres';
import { openPostgresSessionStore } from './postgres-session-store';
import { describeSessionStore } from './testing/session-store-suite';

describeSessionStore('PostgreSQL', async () => {
  const database = await startThrowawayPostgres();
  const store = await openPostgresSessionStore(database.url);
  return {
    store,
    // Every row of the store's tables, as PostgreSQL returns them.
    rawBytes: async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const sessions = await client.query('SELECT * FROM triage_sessions');
        const states = await client.query('SELECT * FROM triage_oauth_states');
        return JSON.stringify([sessions.rows, states.rows]);
      } finally {
        await client.end();
      }
    },
    dispose: async () => {
      await store.close();
      await database.stop();
    },
  };
});
