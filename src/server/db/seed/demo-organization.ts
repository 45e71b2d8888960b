/**
 * Seeds the embedded API's database with the demo organization: users, leads, contacts and ~600
 * tasks of every type around `now`, in each user's own time zone, plus their activities.
 *
 * Content is deterministic for a given `now` (a seeded PRNG makes every choice); only ids are
 * random, like Close's. Media URLs are stored root-relative (`/media/voicemail-03.wav`).
 */
import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import { DEMO_USERS, type DemoUserSpec, ORGANIZATION_NAME } from '../demo-data';
import { seedDemoActivities } from '../demo-activities';
import { newId } from '../ids';
import type { Db } from '../open-database';
import { insertInactiveMember } from './inactive-member';
import { insertDemoLeads } from './leads';
import { PhoneBook } from './phones';
import { Rng } from './rng';
import { assertUsableApiKey, validNow } from './seed-checks';
import { demoPlansFor } from './task-plans';
import { markHighPriorityTasks } from './task-priorities';
import { TaskSeeder } from './task-seeder';
import { insertDemoUsers } from './users';

export const DEFAULT_DEMO_API_KEY = 'triage-demo-key';

/** A demo user as stored: the spec's person, with the id the seed gave them and their key. */
export type DemoUser = Pick<DemoUserSpec, 'firstName' | 'lastName' | 'email' | 'role' | 'timeZone' | 'apiKey'> & { id: string };

export interface DemoSummary {
  organizationId: string;
  /** The default user (the manager, Alex) first. */
  users: DemoUser[];
  /** Members who left (inactive memberships): no key, but still a zone their open tasks are due in. */
  formerUsers: Array<{ id: string; timeZone: string }>;
}

export interface SeedDemoOptions {
  now?: Date;
  /** The default user's API key (EMBEDDED_API_KEY); `triage-demo-key` when absent. */
  defaultApiKey?: string;
}

const DEMO_SEED = 0x7a3d_2025;

export function isSeeded(db: Db): boolean {
  return db.prepare('SELECT 1 FROM organizations WHERE name = ? LIMIT 1').get(ORGANIZATION_NAME) !== undefined;
}

/** The demo organization and its users as stored (for starts after the first). */
export function demoSummary(db: Db): DemoSummary {
  const org = db.prepare('SELECT id FROM organizations WHERE name = ? LIMIT 1').get(ORGANIZATION_NAME) as
    | { id: string }
    | undefined;
  if (!org) throw new Error(`the database has no "${ORGANIZATION_NAME}" organization: seed it first`);
  const rows = db
    .prepare(
      `SELECT u.id, u.first_name, u.last_name, u.email, u.time_zone, u.api_key, m.role_id
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ?`,
    )
    .all(org.id) as Array<{
    id: string;
    first_name: string;
    last_name: string;
    email: string;
    time_zone: string | null;
    api_key: string;
    role_id: string;
  }>;
  const rank = (email: string) => {
    const i = DEMO_USERS.findIndex((u) => u.email === email);
    return i < 0 ? DEMO_USERS.length : i;
  };
  rows.sort((a, b) => rank(a.email) - rank(b.email) || a.email.localeCompare(b.email));
  const former = db
    .prepare('SELECT u.id, u.time_zone FROM inactive_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ?')
    .all(org.id) as Array<{ id: string; time_zone: string | null }>;
  return {
    organizationId: org.id,
    formerUsers: former.map((r) => ({ id: r.id, timeZone: r.time_zone ?? 'UTC' })),
    users: rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      role: r.role_id === 'admin' ? 'manager' : 'rep',
      timeZone: r.time_zone ?? 'UTC',
      apiKey: r.api_key,
    })),
  };
}

/** Gives the default user (Alex) a new API key; EMBEDDED_API_KEY is applied this way at every start. */
export function setDefaultUserApiKey(db: Db, key: string): void {
  assertUsableApiKey(key);
  const defaultEmail = DEMO_USERS[0]!.email;
  const user = db.prepare('SELECT id FROM users WHERE email = ?').get(defaultEmail) as { id: string } | undefined;
  if (!user) throw new Error(`no default demo user (${defaultEmail}) in the database: seed it first`);
  const holder = db.prepare('SELECT email FROM users WHERE api_key = ? AND id <> ?').get(key, user.id) as
    | { email: string }
    | undefined;
  if (holder) throw new Error(`API key ${JSON.stringify(key)} already belongs to ${holder.email}; pick another`);
  db.prepare('UPDATE users SET api_key = ? WHERE id = ?').run(key, user.id);
}

/** Seeds an empty database with the demo organization; throws if it is already seeded. */
export function seedDemoData(db: Db, options: SeedDemoOptions = {}): DemoSummary {
  const nowMs = validNow(options.now);
  const defaultKey = options.defaultApiKey ?? DEFAULT_DEMO_API_KEY;
  assertUsableApiKey(defaultKey);
  const clash = DEMO_USERS.slice(1).find((u) => u.apiKey === defaultKey);
  if (clash) throw new Error(`API key ${JSON.stringify(defaultKey)} is reserved for demo user ${clash.email}; pick another`);
  if (isSeeded(db)) throw new Error('the database is already seeded; delete it (npm run seed -- --reset) to seed again');

  db.transaction(() => {
    const rng = new Rng(DEMO_SEED);
    const orgId = newId('orga');
    db.prepare('INSERT INTO organizations (id, name, date_created) VALUES (?, ?, ?)').run(
      orgId,
      ORGANIZATION_NAME,
      formatCloseDateTime(nowMs - 420 * DAY_MS),
    );
    const users = insertDemoUsers(db, orgId, nowMs, defaultKey);
    const phones = new PhoneBook();
    const leads = insertDemoLeads(db, orgId, nowMs, rng, phones);
    const ctx = new TaskSeeder(db, orgId, nowMs, rng, users, leads);
    for (const user of users) {
      for (const plan of demoPlansFor(user.spec.key, rng)) ctx.insertTask(user, plan);
    }
    insertInactiveMember(db, orgId, nowMs, users, leads);
    markHighPriorityTasks(db, orgId);
    seedDemoActivities(db, orgId, nowMs);
  })();
  return demoSummary(db);
}
