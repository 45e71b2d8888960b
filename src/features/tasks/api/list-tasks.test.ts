/**
 * An inbox slice (`due`) read and counted through our real proxy from the real embedded API, over
 * HTTP: in Tokyo and Los Angeles the list holds exactly the tasks dated before (overdue) or within
 * (today) the rep's day in that zone, and the desk's count of the slice is the list's length.
 */
import { describe, expect, it } from 'vitest';
import { setDefaultApiOrigin } from '@/lib/api-client';
import { addDaysToDay, formatCloseDateTime, localDayAt } from '@/shared/close/dates';
import { tzOffsetHours, zonedWallTimeToEpoch } from '@/shared/close/zones';
import { setUpProxiedCloseApi } from '@/server/testing/proxied-close-api';
import type { TaskListFilters } from '../utils/task-view-rules';
import { countTasks, listTasksPage } from './list-tasks';

const stack = setUpProxiedCloseApi((url) => setDefaultApiOrigin(() => url));

const MINUTE = 60_000;

describe('an inbox slice against the embedded API', () => {
  for (const zone of ['Asia/Tokyo', 'America/Los_Angeles'] as const) {
    it(`lists and counts exactly the rep’s overdue and today tasks in ${zone}`, async () => {
      const now = Date.now();
      const today = localDayAt(now, tzOffsetHours(zone, now));
      const todayStart = zonedWallTimeToEpoch(today, 0, 0, zone);
      const tomorrowStart = zonedWallTimeToEpoch(addDaysToDay(today, 1), 0, 0, zone);
      const rep = stack.addRep(zone.replace(/\W/g, ''));
      const add = (date: string, extra: { isComplete?: boolean; type?: string } = {}) => stack.api.addTask({ date, assignedTo: rep, ...extra });
      const overdue = [add(formatCloseDateTime(todayStart - MINUTE)), add(addDaysToDay(today, -1), { type: 'voicemail' })];
      const dueToday = [add(formatCloseDateTime(todayStart)), add(today), add(formatCloseDateTime(tomorrowStart - MINUTE), { type: 'missed_call' })];
      add(formatCloseDateTime(tomorrowStart));
      add(addDaysToDay(today, 1));
      add(addDaysToDay(today, -1), { isComplete: true });
      add(today, { isComplete: true });

      const inbox: TaskListFilters = { view: 'inbox', types: [], assignedTo: rep, timeZone: zone };
      const ids = async (filters: TaskListFilters) => (await listTasksPage(filters, 0)).data.map((t) => t.id).sort();
      expect(await ids({ ...inbox, due: 'overdue' })).toEqual([...overdue].sort());
      expect(await ids({ ...inbox, due: 'today' })).toEqual([...dueToday].sort());
      expect(await ids(inbox)).toEqual([...overdue, ...dueToday].sort());
      expect(await countTasks({ ...inbox, due: 'overdue' })).toEqual({ count: 2, capped: false });
      expect(await countTasks({ ...inbox, due: 'today' })).toEqual({ count: 3, capped: false });
    });
  }
});
