import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { HIGH_PRIORITY_TASK_TEXTS } from '../demo-data';
import { openDatabase, type Db } from '../open-database';
import { seedDemoData } from './demo-organization';

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('gives every user a few open high-priority tasks, and leaves most tasks medium', () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-priority-'));
  db = openDatabase(path.join(dir, 'triage.db'));
  const { users } = seedDemoData(db, { now: new Date('2026-11-23T15:00:00Z') });
  const counts = db.prepare("SELECT priority, COUNT(*) AS n FROM tasks GROUP BY priority ORDER BY priority").all() as { priority: string; n: number }[];
  const high = counts.find((c) => c.priority === 'high')!.n;
  const medium = counts.find((c) => c.priority === 'medium')!.n;
  expect(high).toBeGreaterThan(10);
  expect(medium).toBeGreaterThan(high * 4);
  const alex = users[0]!;
  const alexHighOpen = db
    .prepare("SELECT text FROM tasks WHERE assigned_to = ? AND is_complete = 0 AND priority = 'high'")
    .all(alex.id) as { text: string }[];
  expect(alexHighOpen.length).toBeGreaterThan(0);
  for (const { text } of alexHighOpen) expect(HIGH_PRIORITY_TASK_TEXTS).toContain(text);
});
