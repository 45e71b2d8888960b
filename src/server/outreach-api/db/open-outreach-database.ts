import path from 'node:path';
import { type Db, openWalDatabase } from '../../db/sqlite';
import { migrateOutreach } from './outreach-migrations';

/** Opens (creating if needed) the stand-in's SQLite file, in WAL mode, migrated to the latest schema. */
export function openOutreachDatabase(file: string): Db {
  return openWalDatabase(file, migrateOutreach);
}

export function outreachDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'outreach.db');
}
