/**
 * Zones in SQLite: the sign-in store's file (DATA_DIR/sessions.db) through a connection of its own,
 * with its own table and its own migration count (the session store's is `user_version`, so this
 * one keeps its count in a table).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoredZone, ZoneStore } from './zone-store';

/** Ordered, append-only. */
const MIGRATIONS = [
  `CREATE TABLE team_zones (
     organization_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     browser_zone TEXT,
     browser_reported_at INTEGER,
     manager_zone TEXT,
     manager_set_by TEXT,
     manager_set_at INTEGER,
     PRIMARY KEY (organization_id, user_id)
   );`,
];

type ZoneRow = {
  user_id: string;
  browser_zone: string | null;
  browser_reported_at: number | string | null;
  manager_zone: string | null;
  manager_set_by: string | null;
  manager_set_at: number | string | null;
};

export function openSqliteZoneStore(file: string): ZoneStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS team_zones_migrations (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM team_zones_migrations').get() as { version: number } | undefined;
    const version = row?.version ?? 0;
    if (version > MIGRATIONS.length) throw new Error(`the team zones table is newer (${version}) than this build (${MIGRATIONS.length})`);
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    if (!row) db.prepare('INSERT INTO team_zones_migrations (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE team_zones_migrations SET version = ?').run(MIGRATIONS.length);
  }).immediate();

  const list = db.prepare<[string], ZoneRow>(
    `SELECT user_id, browser_zone, browser_reported_at, manager_zone, manager_set_by, manager_set_at
       FROM team_zones WHERE organization_id = ? AND (browser_zone IS NOT NULL OR manager_zone IS NOT NULL) ORDER BY user_id`,
  );
  const report = db.prepare(
    `INSERT INTO team_zones (organization_id, user_id, browser_zone, browser_reported_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET browser_zone = excluded.browser_zone, browser_reported_at = excluded.browser_reported_at`,
  );
  const override = db.prepare(
    `INSERT INTO team_zones (organization_id, user_id, manager_zone, manager_set_by, manager_set_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET manager_zone = excluded.manager_zone,
       manager_set_by = excluded.manager_set_by, manager_set_at = excluded.manager_set_at`,
  );
  const clear = db.prepare(
    'UPDATE team_zones SET manager_zone = NULL, manager_set_by = NULL, manager_set_at = NULL WHERE organization_id = ? AND user_id = ?',
  );

  return {
    async listZones(organizationId) {
      return list.all(organizationId).map(zoneFromRow);
    },
    async reportBrowserZone(organizationId, userId, zone, at) {
      report.run(organizationId, userId, zone, at);
    },
    async setManagerZone(organizationId, userId, zone, setBy, at) {
      override.run(organizationId, userId, zone, setBy, at);
    },
    async clearManagerZone(organizationId, userId) {
      clear.run(organizationId, userId);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

export function zoneFromRow(row: ZoneRow): StoredZone {
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    userId: row.user_id,
    browserZone: row.browser_zone,
    browserReportedAt: num(row.browser_reported_at),
    managerZone: row.manager_zone,
    managerSetBy: row.manager_set_by,
    managerSetAt: num(row.manager_set_at),
  };
}
