/**
 * Zones in PostgreSQL (DATABASE_URL): the database the instances share for sessions, in a table
 * of its own (`triage_team_zones`) whose migrations run under an advisory lock, so instances
 * starting together do not race.
 */
import pg from 'pg';
import { zoneFromRow } from './sqlite-zone-store';
import type { ZoneStore } from './zone-store';

/** Ordered, append-only. */
const MIGRATIONS = [
  `CREATE TABLE triage_team_zones (
     organization_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     browser_zone TEXT,
     browser_reported_at BIGINT,
     manager_zone TEXT,
     manager_set_by TEXT,
     manager_set_at BIGINT,
     PRIMARY KEY (organization_id, user_id)
   );`,
];

/** A lock id of our own (the session store holds another). */
const MIGRATION_LOCK = 7_326_912_017;

export async function openPostgresZoneStore(url: string, options: { maxConnections?: number } = {}): Promise<ZoneStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4 });
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await client.query('CREATE TABLE IF NOT EXISTS triage_team_zones_migrations (version INTEGER NOT NULL)');
        const { rows } = await client.query<{ version: number }>('SELECT version FROM triage_team_zones_migrations');
        const version = rows[0]?.version ?? 0;
        if (version > MIGRATIONS.length) throw new Error(`the team zones table is newer (${version}) than this build (${MIGRATIONS.length})`);
        if (version < MIGRATIONS.length) {
          await client.query('BEGIN');
          for (let v = version; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
          if (rows.length === 0) await client.query('INSERT INTO triage_team_zones_migrations (version) VALUES ($1)', [MIGRATIONS.length]);
          else await client.query('UPDATE triage_team_zones_migrations SET version = $1', [MIGRATIONS.length]);
          await client.query('COMMIT');
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  return {
    async listZones(organizationId) {
      const { rows } = await pool.query(
        `SELECT user_id, browser_zone, browser_reported_at, manager_zone, manager_set_by, manager_set_at
           FROM triage_team_zones WHERE organization_id = $1 AND (browser_zone IS NOT NULL OR manager_zone IS NOT NULL) ORDER BY user_id`,
        [organizationId],
      );
      return rows.map(zoneFromRow);
    },
    async reportBrowserZone(organizationId, userId, zone, at) {
      await pool.query(
        `INSERT INTO triage_team_zones (organization_id, user_id, browser_zone, browser_reported_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, user_id) DO UPDATE SET browser_zone = EXCLUDED.browser_zone, browser_reported_at = EXCLUDED.browser_reported_at`,
        [organizationId, userId, zone, at],
      );
    },
    async setManagerZone(organizationId, userId, zone, setBy, at) {
      await pool.query(
        `INSERT INTO triage_team_zones (organization_id, user_id, manager_zone, manager_set_by, manager_set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id, user_id) DO UPDATE SET manager_zone = EXCLUDED.manager_zone,
           manager_set_by = EXCLUDED.manager_set_by, manager_set_at = EXCLUDED.manager_set_at`,
        [organizationId, userId, zone, setBy, at],
      );
    },
    async clearManagerZone(organizationId, userId) {
      await pool.query(
        'UPDATE triage_team_zones SET manager_zone = NULL, manager_set_by = NULL, manager_set_at = NULL WHERE organization_id = $1 AND user_id = $2',
        [organizationId, userId],
      );
    },
    async close() {
      await pool.end();
    },
  };
}
