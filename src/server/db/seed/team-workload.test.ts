import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { instantOf, parseCloseDate } from '@/shared/close/dates';
import { tzOffsetHours, zonedWallTimeToEpoch } from '@/shared/close/zones';
import { dayInZone } from '@/shared/close/zones';
import { openDatabase } from '../open-database';
import { TEAM_ZONES, seedTeamWorkload, teamRepKey } from './team-workload';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

it('adds reps in their own zones with open work spread around their today, once', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-team-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'triage.db'));
  const now = new Date('2025-03-12T15:00:00Z');
  try {
    const result = seedTeamWorkload(db, { reps: 3, tasksPerRep: 400, now });
    expect(result).toMatchObject({ repsAdded: 3, tasksAdded: 3 * 440 });
    for (let i = 1; i <= 3; i++) {
      const rep = db.prepare('SELECT id, time_zone FROM users WHERE api_key = ?').get(teamRepKey(i)) as { id: string; time_zone: string };
      expect(rep.time_zone).toBe(TEAM_ZONES[i - 1]);
      const rows = db.prepare('SELECT date_text, is_complete FROM tasks WHERE assigned_to = ?').all(rep.id) as { date_text: string; is_complete: number }[];
      const open = rows.filter((r) => r.is_complete === 0);
      expect(open).toHaveLength(400);
      const offset = tzOffsetHours(rep.time_zone, now.getTime());
      const todayStart = zonedWallTimeToEpoch(dayInZone(now.getTime(), rep.time_zone), 0, 0, rep.time_zone);
      const at = (r: { date_text: string }) => instantOf(parseCloseDate(r.date_text)!, offset);
      const overdue = open.filter((r) => at(r) < todayStart).length;
      const today = open.filter((r) => at(r) >= todayStart && at(r) < todayStart + 86_400_000).length;
      expect(overdue).toBeGreaterThan(30);
      expect(overdue).toBeLessThan(100);
      expect(today).toBeGreaterThan(5);
      expect(open.length - overdue - today).toBeGreaterThan(250);
    }
    expect(seedTeamWorkload(db, { reps: 3, tasksPerRep: 400, now })).toMatchObject({ repsAdded: 0, tasksAdded: 0 });
    expect(() => seedTeamWorkload(db, { reps: 0, tasksPerRep: 1 })).toThrow(RangeError);
  } finally {
    db.close();
  }
});
