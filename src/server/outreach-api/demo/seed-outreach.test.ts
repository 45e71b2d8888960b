import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatInTimeZone } from 'date-fns-tz';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open-database';
import { openOutreachDatabase } from '../db/open-outreach-database';
import { parseOutreachSeedArgs } from '../seed-cli';
import { OUTREACH_DEMO_USERS } from './outreach-demo-data';
import { seedOutreachDemo, setDefaultOutreachToken, zonedTime } from './seed-outreach-demo';
import { benchToken, seedOutreachLarge } from './seed-outreach-large';

const NOW = Date.UTC(2026, 2, 10, 3, 30); // late evening in the Americas, morning in Asia
let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-outreach-seed-'));
  db = openOutreachDatabase(path.join(dir, 'outreach.db'));
  return db;
}

describe('the Outreach demo', () => {
  it('has every action, state, priority and a sequence step for each owner, dues placed in the owner zone', () => {
    open();
    seedOutreachDemo(db, { nowMs: NOW });
    const users = db.prepare('SELECT id, time_zone AS zone, token FROM users ORDER BY id').all() as { id: number; zone: string; token: string }[];
    expect(users.map((u) => u.token)).toEqual(OUTREACH_DEMO_USERS.map((u) => u.token));
    for (const user of users) {
      const tasks = db.prepare('SELECT * FROM tasks WHERE owner_id = ?').all(user.id) as Record<string, number | string | null>[];
      expect(new Set(tasks.map((t) => t.action))).toEqual(new Set(['action_item', 'call', 'email', 'in_person']));
      expect(new Set(tasks.map((t) => t.state))).toEqual(new Set(['pending', 'incomplete', 'complete']));
      expect(tasks.some((t) => t.sequence_step_id !== null && t.state === 'incomplete')).toBe(true);
      expect(tasks.some((t) => t.task_priority_id === null)).toBe(true);
      const today = formatInTimeZone(NOW, user.zone, 'yyyy-MM-dd');
      const open = tasks.filter((t) => t.state === 'incomplete');
      const days = open.map((t) => formatInTimeZone(Number(t.due_ms), user.zone, 'yyyy-MM-dd'));
      expect(days.some((d) => d < today)).toBe(true);
      expect(days.filter((d) => d === today).length).toBeGreaterThanOrEqual(4);
      expect(days.some((d) => d > today)).toBe(true);
    }
    const prospects = db.prepare('SELECT emails, work_phones, mobile_phones FROM prospects').all() as Record<string, string>[];
    expect(prospects.some((p) => p.emails === '[]')).toBe(true);
    for (const p of prospects) expect(JSON.parse(p.work_phones!).length + JSON.parse(p.mobile_phones!).length).toBeGreaterThan(0);
  });

  it('gives the default user the configured token, but never another user’s', () => {
    open();
    seedOutreachDemo(db, { nowMs: NOW, defaultToken: 'my-token' });
    expect(db.prepare('SELECT token FROM users ORDER BY id LIMIT 1').get()).toEqual({ token: 'my-token' });
    setDefaultOutreachToken(db, 'other-token');
    expect(() => setDefaultOutreachToken(db, 'outreach-demo-token-maya')).toThrow(/another demo user/);
  });

  it('zonedTime reads wall-clock times in the zone', () => {
    expect(new Date(zonedTime(NOW, 'Asia/Tokyo', 0, '09:00')).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(new Date(zonedTime(NOW, 'America/New_York', 1, '09:00')).toISOString()).toBe('2026-03-10T13:00:00.000Z');
  });
});

describe('the large seed', () => {
  it('adds N tasks over M bench reps, idempotent on the reps', () => {
    open();
    seedOutreachDemo(db, { nowMs: NOW });
    const first = seedOutreachLarge(db, { tasks: 1000, users: 4, nowMs: NOW });
    const again = seedOutreachLarge(db, { tasks: 10, users: 4, nowMs: NOW });
    expect(again.userIds).toEqual(first.userIds);
    const perUser = db.prepare(`SELECT owner_id, COUNT(*) AS n FROM tasks WHERE owner_id IN (${first.userIds.join(',')}) GROUP BY owner_id`).all() as { n: number }[];
    expect(perUser.map((r) => r.n)).toEqual([253, 253, 252, 252]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM users WHERE token = ?').get(benchToken(4))).toEqual({ n: 1 });
  });

  it('parses the CLI arguments', () => {
    expect(parseOutreachSeedArgs(['--reset', '--tasks', '100_000', '--users=50'])).toEqual({ reset: true, tasks: 100_000, users: 50 });
    expect(() => parseOutreachSeedArgs(['--tasks', '0'])).toThrow(/--tasks/);
    expect(() => parseOutreachSeedArgs(['--what'])).toThrow(/unknown option/);
  });
});
