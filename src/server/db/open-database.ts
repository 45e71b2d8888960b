import path from 'node:path';
import { migrate } from './migrations';
import { type Db, openWalDatabase } from './sqlite';

export type { Db } from './sqlite';

/** Opens (creating if needed) the SQLite file, in WAL mode, migrated to the latest schema. */
export function openDatabase(file: string): Db {
  return openWalDatabase(file, migrate);
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'triage.db');
}
