/**
 * What every SQLite database of the server shares, whichever schema it holds: opening a file in
 * WAL mode with the same pragmas, and running an ordered, append-only list of migrations counted
 * by `PRAGMA user_version`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens (creating if needed) the SQLite file, in WAL mode, then lets `migrate` bring it up to date. */
export function openWalDatabase(file: string, migrate: (db: Db) => void): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Runs the migrations `user_version` says have not run yet, each in its own transaction. A file
 * newer than this build stops the start (`schemaName` names it in the message) rather than being
 * read with a schema the code does not know.
 */
export function runMigrations(db: Db, migrations: readonly string[], schemaName: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`${schemaName} schema version ${current} is newer than this build (${migrations.length})`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
