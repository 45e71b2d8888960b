import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_INACTIVE_USER } from '../demo-data';
import { openDatabase } from '../open-database';
import { demoSummary, seedDemoData } from './demo-organization';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('seeds one inactive member with a few open tasks, out of the team and its sign-in', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-inactive-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'triage.db'));
  try {
    const summary = seedDemoData(db, { now: new Date('2025-03-12T15:00:00Z') });
    const member = db.prepare('SELECT u.id, u.email FROM inactive_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ?').all(summary.organizationId) as { id: string; email: string }[];
    expect(member.map((m) => m.email)).toEqual([DEMO_INACTIVE_USER.email]);
    expect(summary.users.map((u) => u.email)).not.toContain(DEMO_INACTIVE_USER.email);
    const open = db.prepare('SELECT COUNT(*) AS n FROM tasks WHERE assigned_to = ? AND is_complete = 0').get(member[0]!.id) as { n: number };
    expect(open.n).toBe(DEMO_INACTIVE_USER.openTasks);
    expect(demoSummary(db).users).toHaveLength(6);
    // The desk still places their tasks in their own day.
    expect(demoSummary(db).formerUsers).toEqual([{ id: member[0]!.id, timeZone: DEMO_INACTIVE_USER.timeZone }]);
  } finally {
    db.close();
  }
});
