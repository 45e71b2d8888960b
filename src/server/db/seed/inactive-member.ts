/**
 * The demo organization's inactive member (demo-data.ts, DEMO_INACTIVE_USER): a user who left,
 * kept as an inactive membership, with a few open tasks still assigned to them, so the manager's
 * desk and Close's own `delete_tasks_for_inactive_users.py` have someone to find.
 */
import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import { DEMO_INACTIVE_USER, DEMO_USERS } from '../demo-data';
import { newId } from '../ids';
import type { Db } from '../open-database';
import type { SeededLead } from './leads';
import { Rng } from './rng';
import type { TaskPlan } from './task-plans';
import { TaskSeeder } from './task-seeder';
import type { SeededUser } from './users';
import { ZoneClock } from './zone-clock';

/** A PRNG of its own, so the demo team's tasks stay what they were before this member existed. */
const INACTIVE_SEED = 0x1ea7_0017;

const PLANS: readonly TaskPlan[] = [
  { type: 'lead', bucket: 'overdue' },
  { type: 'incoming_email', bucket: 'overdue' },
  { type: 'missed_call', bucket: 'today' },
  { type: 'lead', bucket: 'today', dateOnly: true },
  { type: 'opportunity_due', bucket: 'future' },
  { type: 'lead', bucket: 'future' },
];

export function insertInactiveMember(db: Db, orgId: string, nowMs: number, team: readonly SeededUser[], leads: readonly SeededLead[]): string {
  const spec = DEMO_USERS.find((u) => u.key === DEMO_INACTIVE_USER.borrows)!;
  const id = newId('user');
  const joined = formatCloseDateTime(nowMs - 300 * DAY_MS);
  const left = formatCloseDateTime(nowMs - 3 * DAY_MS);
  db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, image, time_zone, api_key, date_created, date_updated)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  ).run(id, DEMO_INACTIVE_USER.email, DEMO_INACTIVE_USER.firstName, DEMO_INACTIVE_USER.lastName, DEMO_INACTIVE_USER.timeZone, DEMO_INACTIVE_USER.apiKey, joined, left);
  db.prepare(
    'INSERT INTO inactive_memberships (id, organization_id, user_id, role_id, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(newId('memb'), orgId, id, 'user', joined, left);

  const member: SeededUser = {
    id,
    spec: { ...spec, firstName: DEMO_INACTIVE_USER.firstName, lastName: DEMO_INACTIVE_USER.lastName, email: DEMO_INACTIVE_USER.email, timeZone: DEMO_INACTIVE_USER.timeZone, role: 'rep' },
    zone: new ZoneClock(DEMO_INACTIVE_USER.timeZone, nowMs),
  };
  const seeder = new TaskSeeder(db, orgId, nowMs, new Rng(INACTIVE_SEED), [...team, member], leads);
  for (const plan of PLANS.slice(0, DEMO_INACTIVE_USER.openTasks)) seeder.insertTask(member, plan);
  return id;
}
