/**
 * `npm run seed -- --reps N --tasks-per-rep M`: a team for the manager's desk and its benchmark.
 * Reps 1..N (`rep-<i>@demo.triage.test`, key `demo-key-rep-<i>`) join the demo organization in
 * zones around the world, each with M open tasks due as a working rep's are, in their own zone:
 * about 15% overdue (mostly by a few days), 5% today, 80% over the next 60 days, at working hours
 * or on a day; and a tenth of M done over the last two weeks. Reps that exist already are left as
 * they are, so running it again adds only the missing ones.
 */
import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import { DEMO_USERS, FIRST_NAMES, LAST_NAMES } from '../demo-data';
import { newId } from '../ids';
import type { Db } from '../open-database';
import { demoSummary, isSeeded, seedDemoData } from './demo-organization';
import { insertLargeLeads } from './leads';
import { Rng, pooledRandomBytes } from './rng';
import { validNow } from './seed-checks';
import { type Bucket, TYPE_WEIGHTS } from './task-plans';
import { TaskSeeder } from './task-seeder';
import type { SeededUser } from './users';
import { ZoneClock } from './zone-clock';

export const MAX_TEAM_REPS = 1_000;
export const MAX_TASKS_PER_REP = 100_000;

/** Where the reps work, in turn: every kind of offset (half hours, both hemispheres' DST). */
export const TEAM_ZONES: readonly string[] = [
  'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York',
  'America/Sao_Paulo', 'Australia/Sydney', 'Europe/London', 'America/Chicago', 'Asia/Singapore',
];

const TEAM_SEED = 0x7ea4_0020;

export function teamRepKey(i: number): string {
  return `demo-key-rep-${i}`;
}

export function teamRepEmail(i: number): string {
  return `rep-${i}@demo.triage.test`;
}

export interface SeedTeamOptions {
  reps: number;
  tasksPerRep: number;
  now?: Date;
}

export interface SeedTeamResult {
  organizationId: string;
  repsAdded: number;
  tasksAdded: number;
}

export function seedTeamWorkload(db: Db, options: SeedTeamOptions): SeedTeamResult {
  const { reps, tasksPerRep } = options;
  if (!Number.isSafeInteger(reps) || reps < 1 || reps > MAX_TEAM_REPS) throw new RangeError(`reps must be a whole number from 1 to ${MAX_TEAM_REPS}, got ${String(reps)}`);
  if (!Number.isSafeInteger(tasksPerRep) || tasksPerRep < 0 || tasksPerRep > MAX_TASKS_PER_REP) {
    throw new RangeError(`tasks per rep must be a whole number from 0 to ${MAX_TASKS_PER_REP}, got ${String(tasksPerRep)}`);
  }
  const nowMs = validNow(options.now);
  if (!isSeeded(db)) seedDemoData(db, options.now ? { now: options.now } : {});
  const summary = demoSummary(db);
  const orgId = summary.organizationId;
  const keyTaken = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE api_key = ?');
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, first_name, last_name, image, time_zone, api_key, date_created, date_updated)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const insertMembership = db.prepare('INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)');
  const random = pooledRandomBytes();
  const rng = new Rng(TEAM_SEED);
  const manager = summary.users.find((u) => u.role === 'manager');
  const managerUser: SeededUser[] = manager ? [{ id: manager.id, spec: DEMO_USERS[0]!, zone: new ZoneClock(manager.timeZone, nowMs) }] : [];
  const created = formatCloseDateTime(nowMs - 90 * DAY_MS);
  let repsAdded = 0;
  let tasksAdded = 0;

  db.transaction(() => {
    const newReps: SeededUser[] = [];
    for (let i = 1; i <= reps; i++) {
      if (keyTaken.get(teamRepKey(i))) continue;
      const id = newId('user');
      const zone = TEAM_ZONES[(i - 1) % TEAM_ZONES.length]!;
      const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length]!;
      insertUser.run(id, teamRepEmail(i), first, last, zone, teamRepKey(i), created, created);
      insertMembership.run(newId('memb'), orgId, id, 'user');
      // Texts, leads and currency as one of the demo reps writes them.
      const spec = DEMO_USERS[1 + ((i - 1) % (DEMO_USERS.length - 1))]!;
      newReps.push({ id, spec: { ...spec, firstName: first, lastName: last, email: teamRepEmail(i), timeZone: zone }, zone: new ZoneClock(zone, nowMs) });
      repsAdded++;
    }
    if (newReps.length === 0 || tasksPerRep === 0) return;
    const leads = insertLargeLeads(db, orgId, nowMs, Math.max(1, newReps.length * 5), rng, random);
    const seeder = new TaskSeeder(db, orgId, nowMs, rng, [...managerUser, ...newReps], leads, random);
    for (const rep of newReps) {
      for (let k = 0; k < tasksPerRep; k++) {
        const { bucket, dayOffset } = drawOpenDay(rng);
        seeder.insertTask(rep, { type: rng.weighted(TYPE_WEIGHTS), bucket, dayOffset });
      }
      for (let k = 0; k < Math.floor(tasksPerRep / 10); k++) {
        seeder.insertTask(rep, { type: rng.weighted(TYPE_WEIGHTS), bucket: 'done', dayOffset: -rng.int(0, 13) });
      }
      tasksAdded += tasksPerRep + Math.floor(tasksPerRep / 10);
    }
  })();
  return { organizationId: orgId, repsAdded, tasksAdded };
}

/** An open task's day relative to the rep's today. */
function drawOpenDay(rng: Rng): { bucket: Bucket; dayOffset: number } {
  const r = rng.next();
  if (r < 0.15) return { bucket: 'overdue', dayOffset: -(1 + Math.floor(rng.next() ** 2 * 30)) };
  if (r < 0.2) return { bucket: 'today', dayOffset: 0 };
  return { bucket: 'future', dayOffset: 1 + Math.floor(rng.next() ** 1.3 * 60) };
}
