import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import { DEMO_USERS, type DemoUserSpec } from '../demo-data';
import { newId } from '../ids';
import type { Db } from '../open-database';
import { ZoneClock } from './zone-clock';

const HOUR_MS = 3_600_000;

export interface SeededUser {
  id: string;
  spec: DemoUserSpec;
  zone: ZoneClock;
}

export function insertDemoUsers(db: Db, orgId: string, nowMs: number, defaultKey: string): SeededUser[] {
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, image, time_zone, api_key, date_created, date_updated)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertMembership = db.prepare(
    'INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)',
  );
  return DEMO_USERS.map((spec, i) => {
    const id = newId('user');
    const created = formatCloseDateTime(nowMs - 400 * DAY_MS + i * HOUR_MS);
    const apiKey = i === 0 ? defaultKey : spec.apiKey;
    insertUser.run(id, spec.email, spec.firstName, spec.lastName, spec.timeZone, apiKey, created, created);
    insertMembership.run(newId('memb'), orgId, id, spec.role === 'manager' ? 'admin' : 'user');
    return { id, spec, zone: new ZoneClock(spec.timeZone, nowMs) };
  });
}
