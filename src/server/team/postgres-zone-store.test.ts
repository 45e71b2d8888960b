import { startThrowawayPostgres } from '../testing/throwaway-postgres';
import { openPostgresZoneStore } from './postgres-zone-store';
import { describeZoneStore } from './testing/zone-store-suite';

describeZoneStore('PostgreSQL', async () => {
  const database = await startThrowawayPostgres();
  const store = await openPostgresZoneStore(database.url);
  return {
    store,
    reopen: () => openPostgresZoneStore(database.url),
    dispose: async () => {
      await store.close();
      await database.stop();
    },
  };
});
