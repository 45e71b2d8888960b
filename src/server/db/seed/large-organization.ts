/**
 * The large organization for benchmarks: adds N generated tasks and N/20 leads to the demo
 * organization in one transaction.
 */
import { DEMO_USERS } from '../demo-data';
import type { Db } from '../open-database';
import { demoSummary, isSeeded, seedDemoData } from './demo-organization';
import { insertLargeLeads } from './leads';
import { pooledRandomBytes, Rng } from './rng';
import { validNow } from './seed-checks';
import { TYPE_WEIGHTS, type Bucket } from './task-plans';
import { TaskSeeder } from './task-seeder';
import type { SeededUser } from './users';
import { ZoneClock } from './zone-clock';

export interface SeedLargeOptions {
  tasks: number;
  now?: Date;
}

export interface LargeSeedSummary {
  organizationId: string;
  tasksInserted: number;
  leadsInserted: number;
  contactsInserted: number;
}

const MAX_LARGE_TASKS = 5_000_000;
const LARGE_SEED = 0x51de_0001;

/**
 * Adds `tasks` tasks (and tasks/20 leads) to the demo organization, seeding it first if needed:
 * dates over -60..+60 days, about 30% complete, every type, every user. One transaction.
 */
export function seedLargeOrganization(db: Db, options: SeedLargeOptions): LargeSeedSummary {
  const count = options.tasks;
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_LARGE_TASKS) {
    throw new RangeError(`tasks must be a whole number from 0 to ${MAX_LARGE_TASKS}, got ${String(count)}`);
  }
  const nowMs = validNow(options.now);
  if (!isSeeded(db)) seedDemoData(db, options.now ? { now: options.now } : {});
  const summary = demoSummary(db);
  // The demo team works the new tasks; reps added by seed-users.ts have no spec and are left out.
  const users = summary.users.flatMap((u): SeededUser[] => {
    const spec = DEMO_USERS.find((s) => s.email === u.email);
    return spec ? [{ id: u.id, spec, zone: new ZoneClock(u.timeZone, nowMs) }] : [];
  });
  const random = pooledRandomBytes();
  const leadCount = count === 0 ? 0 : Math.max(1, Math.ceil(count / 20));
  let contactsInserted = 0;

  withLargePageCache(db, () =>
    db.transaction(() => {
      const rng = new Rng(LARGE_SEED);
      const leads = insertLargeLeads(db, summary.organizationId, nowMs, leadCount, rng, random);
      contactsInserted = leads.reduce((sum, lead) => sum + lead.contacts.length, 0);
      const ctx = new TaskSeeder(db, summary.organizationId, nowMs, rng, users, leads, random);
      for (let i = 0; i < count; i++) {
        const user = users[Math.floor(rng.next() * users.length)]!;
        const type = rng.weighted(TYPE_WEIGHTS);
        const dayOffset = rng.int(-60, 60);
        const bucket: Bucket =
          rng.next() < 0.3 ? 'done' : dayOffset < 0 ? 'overdue' : dayOffset === 0 ? 'today' : 'future';
        ctx.insertTask(user, { type, bucket, dayOffset });
      }
    })(),
  );
  return { organizationId: summary.organizationId, tasksInserted: count, leadsInserted: leadCount, contactsInserted };
}

/**
 * Runs a bulk insert with a 256 MB page cache. Six indexes take random inserts; with SQLite's
 * default 2 MB cache their pages spill to the WAL and are read back, which doubles the time.
 */
function withLargePageCache(db: Db, run: () => void): void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    run();
  } finally {
    db.pragma(`cache_size = ${previous}`);
  }
}
