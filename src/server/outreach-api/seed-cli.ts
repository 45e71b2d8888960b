/**
 * `npm run seed:outreach -- [--reset] [--tasks N] [--users M]`: seeds the Outreach stand-in's
 * database, $DATA_DIR/outreach.db (default ./data). Without --tasks it seeds the demo; with it,
 * it seeds the demo if needed and adds N tasks spread over M bench reps (default 10), each
 * signing in with the token outreach-bench-token-<i>. --reset deletes the database first.
 */
import fs from 'node:fs';
import { openOutreachDatabase, outreachDatabaseFile } from './db/open-outreach-database';
import { DEFAULT_OUTREACH_TOKEN } from './demo/outreach-demo-data';
import { MAX_BENCH_USERS, benchToken, seedOutreachLarge } from './demo/seed-outreach-large';
import { isOutreachSeeded, outreachDemoSummary, seedOutreachDemo } from './demo/seed-outreach-demo';

const MAX_TASKS = 5_000_000;
const USAGE = 'usage: npm run seed:outreach -- [--reset] [--tasks N] [--users M]';

export class UsageError extends Error {}

export type OutreachSeedArgs = { reset: boolean; tasks: number | null; users: number };

function wholeNumber(flag: string, value: string | undefined, max: number): number {
  const digits = (value ?? '').replace(/_/g, '');
  const n = Number(digits);
  if (!/^\d+$/.test(digits) || n < 1 || n > max) throw new UsageError(`${flag} needs a whole number from 1 to ${max}, got ${JSON.stringify(value ?? '')}`);
  return n;
}

export function parseOutreachSeedArgs(argv: readonly string[]): OutreachSeedArgs {
  const args: OutreachSeedArgs = { reset: false, tasks: null, users: 10 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--reset') args.reset = true;
    else if (flag === '--tasks') args.tasks = wholeNumber('--tasks', inline ?? argv[++i], MAX_TASKS);
    else if (flag === '--users') args.users = wholeNumber('--users', inline ?? argv[++i], MAX_BENCH_USERS);
    else if (flag === '--help' || flag === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return args;
}

function main(): void {
  const args = parseOutreachSeedArgs(process.argv.slice(2));
  const file = outreachDatabaseFile(process.env.DATA_DIR || './data');
  if (args.reset) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.rmSync(f);
    console.log(`Deleted ${file}`);
  }
  const db = openOutreachDatabase(file);
  try {
    const started = performance.now();
    const nowMs = Date.now();
    const wasSeeded = isOutreachSeeded(db);
    if (!wasSeeded) seedOutreachDemo(db, { nowMs, defaultToken: process.env.EMBEDDED_OUTREACH_TOKEN || DEFAULT_OUTREACH_TOKEN });
    if (args.tasks === null) {
      console.log(wasSeeded ? `${file} is already seeded; add --reset to seed it anew` : `Seeded the Outreach demo into ${file}`);
    } else {
      seedOutreachLarge(db, { tasks: args.tasks, users: args.users, nowMs });
      console.log(
        `Added ${args.tasks.toLocaleString('en-US')} tasks over ${args.users} bench reps to ${file} ` +
          `(tokens ${benchToken(1)} … ${benchToken(args.users)}; ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
    const summary = outreachDemoSummary(db);
    for (const u of summary.users.slice(0, 6)) console.log(`  ${u.email.padEnd(24)} token ${u.token ?? '-'}`);
    console.log(`  ${summary.tasks.toLocaleString('en-US')} tasks in all`);
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    main();
  } catch (error) {
    console.error(`seed:outreach: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
