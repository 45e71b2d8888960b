/**
 * `npm run seed -- [--reset] [--tasks N] [--users N]`: seeds the embedded API's database in $DATA_DIR
 * (default ./data). Without --tasks it seeds the demo organization; with it, it adds N tasks to it
 * (seeding the demo first if needed) for benchmarks. --users N makes sure reps 1..N exist, each
 * with the key demo-key-user-<i> (seed-users.ts). --reps N [--tasks-per-rep M] adds a team of N reps
 * in zones around the world with M open tasks each (default 2,000; seed/team-workload.ts), for the
 * manager's desk. --reset deletes the database first.
 */
import fs from 'node:fs';
import { databaseFile, openDatabase } from './open-database';
import { demoSummary, isSeeded, seedDemoData } from './seed/demo-organization';
import { seedLargeOrganization } from './seed/large-organization';
import { MAX_SEEDED_USERS, seedUsers, seededUserKey } from './seed-users';
import { MAX_TASKS_PER_REP, MAX_TEAM_REPS, seedTeamWorkload, teamRepKey } from './seed/team-workload';
import { DEMO_USERS } from './demo-data';

const MAX_TASKS = 5_000_000;
const USAGE = 'usage: npm run seed -- [--reset] [--tasks N] [--users N] [--reps N [--tasks-per-rep M]]';
const DEFAULT_TASKS_PER_REP = 2_000;

class UsageError extends Error {}

interface SeedArgs {
  reset: boolean;
  tasks: number | null;
  users: number | null;
  reps: number | null;
  tasksPerRep: number | null;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { reset: false, tasks: null, users: null, reps: null, tasksPerRep: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') {
      args.reset = true;
    } else if (arg === '--tasks' || arg.startsWith('--tasks=')) {
      const value = arg === '--tasks' ? argv[++i] : arg.slice('--tasks='.length);
      if (value === undefined || value === '') throw new UsageError('--tasks needs a number, e.g. --tasks 100000');
      const digits = value.replace(/_/g, '');
      const n = Number(digits);
      if (!/^\d+$/.test(digits) || !Number.isSafeInteger(n) || n < 1 || n > MAX_TASKS) {
        throw new UsageError(`--tasks needs a whole number from 1 to ${MAX_TASKS}, got ${JSON.stringify(value)}`);
      }
      args.tasks = n;
    } else if (arg === '--users' || arg.startsWith('--users=')) {
      const value = arg === '--users' ? argv[++i] : arg.slice('--users='.length);
      const n = /^\d+$/.test(value ?? '') ? Number(value) : NaN;
      if (!(n >= 1 && n <= MAX_SEEDED_USERS)) {
        throw new UsageError(`--users needs a whole number from 1 to ${MAX_SEEDED_USERS}, got ${JSON.stringify(value ?? '')}`);
      }
      args.users = n;
    } else if (arg === '--reps' || arg.startsWith('--reps=')) {
      args.reps = wholeNumberArg(arg === '--reps' ? argv[++i] : arg.slice('--reps='.length), '--reps', 1, MAX_TEAM_REPS);
    } else if (arg === '--tasks-per-rep' || arg.startsWith('--tasks-per-rep=')) {
      const value = arg === '--tasks-per-rep' ? argv[++i] : arg.slice('--tasks-per-rep='.length);
      args.tasksPerRep = wholeNumberArg(value, '--tasks-per-rep', 0, MAX_TASKS_PER_REP);
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
    }
  }
  if (args.tasksPerRep !== null && args.reps === null) throw new UsageError('--tasks-per-rep goes with --reps, e.g. --reps 20 --tasks-per-rep 2000');
  return args;
}

function wholeNumberArg(value: string | undefined, name: string, min: number, max: number): number {
  const digits = (value ?? '').replace(/_/g, '');
  const n = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${name} needs a whole number from ${min} to ${max}, got ${JSON.stringify(value ?? '')}`);
  return n;
}

function removeDatabase(file: string): boolean {
  let removed = false;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(f)) {
      fs.rmSync(f);
      removed = true;
    }
  }
  return removed;
}

function seconds(fromMs: number): string {
  return `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;
}

function main(): void {
  const args = parseSeedArgs(process.argv.slice(2));
  const file = databaseFile(process.env.DATA_DIR || './data');
  if (args.reset) console.log(removeDatabase(file) ? `Deleted ${file}` : `No database at ${file} to delete`);

  const db = openDatabase(file);
  try {
    const started = performance.now();
    if (args.tasks === null && args.users === null && args.reps === null) {
      if (isSeeded(db)) {
        const n = (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n;
        console.log(`${file} is already seeded (${n.toLocaleString('en-US')} tasks); add --reset to seed it anew`);
        return;
      }
      seedDemoData(db, { defaultApiKey: process.env.EMBEDDED_API_KEY || undefined });
      const n = (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n;
      console.log(`Seeded the demo organization into ${file}: ${n} tasks (${seconds(started)})`);
    } else if (args.tasks !== null) {
      const wasSeeded = isSeeded(db);
      const result = seedLargeOrganization(db, { tasks: args.tasks });
      console.log(
        `${wasSeeded ? 'Added' : 'Seeded the demo organization and added'} ${result.tasksInserted.toLocaleString('en-US')} tasks` +
          ` and ${result.leadsInserted.toLocaleString('en-US')} leads to ${file} (${seconds(started)})`,
      );
    }
    if (args.users !== null) {
      if (!isSeeded(db)) seedDemoData(db, { defaultApiKey: process.env.EMBEDDED_API_KEY || undefined });
      const added = seedUsers(db, { users: args.users });
      console.log(
        `Added ${added.usersAdded} reps (${added.tasksAdded} tasks) to ${file}; reps 1..${args.users} sign in with the keys ` +
          `${seededUserKey(1)} … ${seededUserKey(args.users)}`,
      );
    }
    if (args.reps !== null) {
      const team = seedTeamWorkload(db, { reps: args.reps, tasksPerRep: args.tasksPerRep ?? DEFAULT_TASKS_PER_REP });
      console.log(
        `Added ${team.repsAdded} reps (${team.tasksAdded.toLocaleString('en-US')} tasks) to ${file}; reps 1..${args.reps} sign in with the keys ` +
          `${teamRepKey(1)} … ${teamRepKey(args.reps)}`,
      );
    }
    const users = demoSummary(db).users;
    for (const u of users.slice(0, DEMO_USERS.length)) {
      console.log(`  ${u.email.padEnd(24)} ${u.role.padEnd(7)} ${u.timeZone.padEnd(19)} key ${u.apiKey}`);
    }
    if (users.length > DEMO_USERS.length) console.log(`  … and ${users.length - DEMO_USERS.length} more`);
  } finally {
    db.close();
  }
}

try {
  main();
} catch (error) {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
