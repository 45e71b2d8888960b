/**
 * `npm run seed -- [--reset] [--tasks N]`: seeds the embedded API's database in $DATA_DIR
 * (default ./data). Without --tasks it seeds the demo organization; with it, it adds N tasks to it
 * (seeding the demo first if needed) for benchmarks. --reset deletes the database first.
 */
import fs from 'node:fs';
import { databaseFile, openDatabase } from './open-database';
import { isSeeded, seedDemoData, seedLargeOrganization, demoSummary } from './seed';

const MAX_TASKS = 5_000_000;
const USAGE = 'usage: npm run seed -- [--reset] [--tasks N]';

class UsageError extends Error {}

interface SeedArgs {
  reset: boolean;
  tasks: number | null;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { reset: false, tasks: null };
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
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
    }
  }
  return args;
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
    if (args.tasks === null) {
      if (isSeeded(db)) {
        const n = (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n;
        console.log(`${file} is already seeded (${n.toLocaleString('en-US')} tasks); add --reset to seed it anew`);
        return;
      }
      seedDemoData(db, { defaultApiKey: process.env.EMBEDDED_API_KEY || undefined });
      const n = (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n;
      console.log(`Seeded the demo organization into ${file}: ${n} tasks (${seconds(started)})`);
    } else {
      const wasSeeded = isSeeded(db);
      const result = seedLargeOrganization(db, { tasks: args.tasks });
      console.log(
        `${wasSeeded ? 'Added' : 'Seeded the demo organization and added'} ${result.tasksInserted.toLocaleString('en-US')} tasks` +
          ` and ${result.leadsInserted.toLocaleString('en-US')} leads to ${file} (${seconds(started)})`,
      );
    }
    for (const u of demoSummary(db).users) {
      console.log(`  ${u.email.padEnd(24)} ${u.role.padEnd(7)} ${u.timeZone.padEnd(19)} key ${u.apiKey}`);
    }
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
