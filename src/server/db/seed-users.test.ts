import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloseApi } from '../close-api/create-close-api';
import { DEMO_USERS } from './demo-data';
import { type Db, openDatabase } from './open-database';
import { demoSummary } from './seed/demo-organization';
import { seedLargeOrganization } from './seed/large-organization';
import { seedUsers, seededUserEmail, seededUserKey } from './seed-users';

const run = promisify(execFile);
const NOW = new Date(Date.UTC(2026, 0, 5, 15));
const dirs: string[] = [];
const dbs: Db[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-seed-users-'));
  dirs.push(dir);
  return dir;
}

function freshDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'triage.db'));
  dbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const openTasksOf = (db: Db, userId: string) =>
  (db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE assigned_to = ? AND is_complete = 0').get(userId) as { n: number }).n;

describe('seedUsers', () => {
  it('adds reps 1..N to the demo organization, each with their own key and open tasks', () => {
    const db = freshDb();
    const result = seedUsers(db, { users: 5, now: NOW });
    expect(result).toMatchObject({ usersAdded: 5, tasksAdded: 100 });
    const summary = demoSummary(db);
    expect(summary.users).toHaveLength(DEMO_USERS.length + 5);
    for (let i = 1; i <= 5; i++) {
      const user = summary.users.find((u) => u.apiKey === seededUserKey(i))!;
      expect(user).toMatchObject({ email: seededUserEmail(i), role: 'rep' });
      expect(openTasksOf(db, user.id)).toBe(20);
    }
    // The copies are theirs alone: creator and updater are the rep, never someone else.
    const foreign = db
      .prepare(
        `SELECT COUNT(*) AS n FROM tasks t JOIN users u ON u.id = t.assigned_to
          WHERE u.api_key LIKE 'demo-key-user-%' AND ((t.created_by IS NOT NULL AND t.created_by <> t.assigned_to)
             OR (t.updated_by IS NOT NULL AND t.updated_by <> t.assigned_to))`,
      )
      .get() as { n: number };
    expect(foreign.n).toBe(0);
  });

  it('adds only the missing reps when run again, and refuses a count out of range', () => {
    const db = freshDb();
    seedUsers(db, { users: 3, now: NOW });
    expect(seedUsers(db, { users: 3, now: NOW })).toMatchObject({ usersAdded: 0, tasksAdded: 0 });
    expect(seedUsers(db, { users: 4, now: NOW })).toMatchObject({ usersAdded: 1 });
    for (const bad of [0, -1, 1.5, 10_001]) expect(() => seedUsers(db, { users: bad })).toThrow(RangeError);
  });

  it('leaves the large seed working afterwards, still among the demo team', () => {
    const db = freshDb();
    seedUsers(db, { users: 2, now: NOW });
    const before = demoSummary(db).users.filter((u) => u.apiKey.startsWith('demo-key-user-')).map((u) => openTasksOf(db, u.id));
    seedLargeOrganization(db, { tasks: 200, now: NOW });
    const after = demoSummary(db).users.filter((u) => u.apiKey.startsWith('demo-key-user-')).map((u) => openTasksOf(db, u.id));
    expect(after).toEqual(before);
  });

  it('gives keys the embedded API takes: /me/ answers as that rep', async () => {
    const db = freshDb();
    seedUsers(db, { users: 2, now: NOW });
    let app: ReturnType<typeof createCloseApi> | null = null;
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app = createCloseApi({ db, publicUrl: origin, rateLimit: null });
    try {
      const res = await fetch(`${origin}/api/v1/me/`, {
        headers: { Authorization: `Basic ${Buffer.from(`${seededUserKey(2)}:`).toString('base64')}` },
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ email: seededUserEmail(2) });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('npm run seed -- --users N', () => {
  const seedCli = (dataDir: string, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/server/db/seed-cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir } });

  it('seeds the demo and the reps, and names the keys', async () => {
    const dataDir = tempDir();
    const { stdout } = await seedCli(dataDir, '--users', '3');
    expect(stdout).toContain('Added 3 reps (60 tasks)');
    expect(stdout).toContain('demo-key-user-1 … demo-key-user-3');
    expect(stdout).toContain('… and 3 more');
    const again = await seedCli(dataDir, '--users=3');
    expect(again.stdout).toContain('Added 0 reps');
  }, 60_000);

  it('refuses a bad count with a usage error (exit 2)', async () => {
    const error = (await seedCli(tempDir(), '--users', 'many').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('--users needs a whole number from 1 to 10000');
  }, 60_000);
});
