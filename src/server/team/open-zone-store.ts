/**
 * The zone store as `npm start` opens it: beside the sign-in store, in PostgreSQL with
 * DATABASE_URL, else in SQLite in DATA_DIR (`sessions.db`). Without a sign-in store (Close with the
 * server's key and no SESSION_SECRET, where no database is opened) zones are kept in memory and
 * forgotten at restart: the desk then shows each browser's zone once it has reported it again.
 */
import { sessionsFile } from '../auth/sqlite-session-store';
import { type Env, StartupError, ensureWritableDataDir, messageOf } from '../env';
import { openPostgresZoneStore } from './postgres-zone-store';
import { openSqliteZoneStore } from './sqlite-zone-store';
import type { ZoneStore } from './zone-store';

export async function openZoneStore(env: Env, beside: { signInStore: boolean }): Promise<ZoneStore> {
  if (!beside.signInStore) return openSqliteZoneStore(':memory:');
  if (env.DATABASE_URL) {
    try {
      return await openPostgresZoneStore(env.DATABASE_URL);
    } catch (error) {
      throw new StartupError(`DATABASE_URL: cannot keep the team's zones in the PostgreSQL database (${messageOf(error)})`);
    }
  }
  ensureWritableDataDir(env.DATA_DIR);
  return openSqliteZoneStore(sessionsFile(env.DATA_DIR));
}

type ZonedMember = { id: string; timeZone: string | null };

/** The embedded demo organization's zones (README, "Demo users"), by user id, former members' too. */
export function demoZonesOf(summary: { organizationId: string; users: readonly ZonedMember[]; formerUsers?: readonly ZonedMember[] }) {
  const zones = new Map<string, string>();
  for (const u of [...summary.users, ...(summary.formerUsers ?? [])]) if (u.timeZone) zones.set(u.id, u.timeZone);
  return { organizationId: summary.organizationId, zones };
}
