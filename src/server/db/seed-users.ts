/**
 * `npm run seed -- --users N`: a team of N more reps in the demo organization, each with their own
 * API key (`demo-key-user-<i>`) and an inbox of their own, so a benchmark or a trial can sign in
 * as many different people. Ensures users 1..N exist: running it again adds only the missing ones.
 */
import { formatCloseDateTime } from '@/shared/close/dates';
import { FIRST_NAMES, LAST_NAMES } from './demo-data';
import { newId } from './ids';
import type { Db } from './open-database';
import { demoSummary, isSeeded, seedDemoData } from './seed/demo-organization';

export const MAX_SEEDED_USERS = 10_000;
/** Open tasks each new rep gets, copied from the demo team's (who, lead and contact change; the rest is theirs). */
const TASKS_PER_USER = 20;

export function seededUserKey(i: number): string {
  return `demo-key-user-${i}`;
}

export function seededUserEmail(i: number): string {
  return `user-${i}@demo.triage.test`;
}

export interface SeedUsersResult {
  organizationId: string;
  usersAdded: number;
  tasksAdded: number;
}

export function seedUsers(db: Db, options: { users: number; now?: Date }): SeedUsersResult {
  const count = options.users;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SEEDED_USERS) {
    throw new RangeError(`users must be a whole number from 1 to ${MAX_SEEDED_USERS}, got ${String(count)}`);
  }
  const nowMs = (options.now ?? new Date()).getTime();
  if (!isSeeded(db)) seedDemoData(db, options.now ? { now: options.now } : {});
  const organizationId = demoSummary(db).organizationId;

  const keyTaken = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE api_key = ?');
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, image, time_zone, api_key, date_created, date_updated)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertMembership = db.prepare('INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)');
  // The demo team's open tasks are the pattern; each new rep takes the next slice of them.
  const patterns = db
    .prepare<[string], { seq: number; type: string }>('SELECT seq, type FROM tasks WHERE organization_id = ? AND is_complete = 0 ORDER BY seq')
    .all(organizationId);
  const copyTask = db.prepare(
    `INSERT INTO tasks (id, organization_id, type, assigned_to, lead_id, contact_id, created_by, updated_by, text,
                        date_text, date_kind, date_sort, is_dateless, is_complete, date_created, date_created_ms,
                        date_updated, date_updated_ms, object_type, object_id, extra)
     SELECT ?, organization_id, type, ?, lead_id, contact_id, CASE WHEN created_by IS NULL THEN NULL ELSE ? END,
            CASE WHEN updated_by IS NULL THEN NULL ELSE ? END, text, date_text, date_kind, date_sort, is_dateless,
            is_complete, date_created, date_created_ms, date_updated, date_updated_ms, object_type, object_id, extra
       FROM tasks WHERE seq = ?`,
  );

  let usersAdded = 0;
  let tasksAdded = 0;
  const created = formatCloseDateTime(nowMs);
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const key = seededUserKey(i);
      if (keyTaken.get(key)) continue;
      const id = newId('user');
      const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length]!;
      const last = `${LAST_NAMES[Math.floor((i - 1) / FIRST_NAMES.length) % LAST_NAMES.length]!} ${i}`;
      insertUser.run(id, seededUserEmail(i), first, last, 'UTC', key, created, created);
      insertMembership.run(newId('memb'), organizationId, id, 'user');
      usersAdded++;
      for (let k = 0; k < Math.min(TASKS_PER_USER, patterns.length); k++) {
        const { seq, type } = patterns[((i - 1) * TASKS_PER_USER + k) % patterns.length]!;
        copyTask.run(newId(type === 'lead' || type === 'outgoing_call' ? 'task' : 'noti'), id, id, id, seq);
        tasksAdded++;
      }
    }
  })();
  return { organizationId, usersAdded, tasksAdded };
}
