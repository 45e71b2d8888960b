/**
 * The embedded API's SQL for `view=inbox|future|archive` against the one definition of the rule
 * (shared/close/task-view-rule.ts), on generated tasks: date-only and date-time dates around
 * several days, complete and not, listed over HTTP in zones from UTC−12 to UTC+14 at instants
 * around local midnight. The browser's lists use the same predicate (taskMatchesFilters), with the
 * offset of the zone they look in, as here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, formatCloseDateTime, formatTzOffset } from '@/shared/close/dates';
import { TASK_VIEWS, type Task } from '@/shared/close/schemas';
import { taskInView, viewBoundaryAt } from '@/shared/close/task-view-rule';
import { tzOffsetHours } from '@/shared/close/zones';
import { type TestApi, startTestCloseApi } from '../testing/test-close-api';

/** UTC−8, UTC+5:30, UTC+9, UTC+14 and UTC−12, each without DST. */
const ZONES = ['Etc/GMT+8', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Etc/GMT+12'];
const BASE_DAY_MS = Date.UTC(2026, 10, 23);
const QUARTER_HOUR_MS = 900_000;

/** mulberry32: the same tasks on every run. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Instants around each zone's midnight on the base day: just before, at, just after, and midday. */
function nowsFor(zone: string): number[] {
  const offsetMs = tzOffsetHours(zone, BASE_DAY_MS) * 3_600_000;
  const midnight = BASE_DAY_MS - offsetMs;
  return [midnight - 1, midnight, midnight + 1, midnight + 12 * 3_600_000];
}

function generatedDates(): string[] {
  const dates: string[] = [];
  // Every calendar day some zone is in around the base day.
  for (let d = -3; d <= 3; d++) dates.push(new Date(BASE_DAY_MS + d * DAY_MS).toISOString().slice(0, 10));
  // Every quarter hour (every zone's boundary is on one), and a millisecond either side of each hour.
  for (let t = BASE_DAY_MS - 2 * DAY_MS; t <= BASE_DAY_MS + 2 * DAY_MS; t += QUARTER_HOUR_MS) {
    dates.push(formatCloseDateTime(t));
    if (t % 3_600_000 === 0) dates.push(formatCloseDateTime(t - 1), formatCloseDateTime(t + 1));
  }
  // Exactly at, and a millisecond either side of, every boundary the test asks about.
  for (const zone of ZONES) {
    for (const now of nowsFor(zone)) {
      const boundary = viewBoundaryAt(now, tzOffsetHours(zone, now));
      dates.push(formatCloseDateTime(boundary - 1), formatCloseDateTime(boundary), formatCloseDateTime(boundary + 1));
    }
  }
  return dates;
}

let api: TestApi;
let nowMs = BASE_DAY_MS;

beforeAll(async () => {
  api = await startTestCloseApi({ now: () => nowMs });
  const random = rng(16);
  for (const date of generatedDates()) {
    // Both states for date-only days (few of them); a random one for each date-time.
    if (date.length === 10) {
      api.addTask({ date, isComplete: false });
      api.addTask({ date, isComplete: true });
    } else api.addTask({ date, isComplete: random() < 0.3 });
  }
});
afterAll(() => api.close());

/** Every page of a list, as the API answers it. */
async function listAll(query: string, tz: string): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let skip = 0; ; skip += 200) {
    const res = await api.fetch(`/task/?_type=all&${query}&_limit=200&_skip=${skip}`, { tz });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = (await res.json()) as { data: Task[]; has_more: boolean };
    tasks.push(...page.data);
    if (!page.has_more) return tasks;
  }
}

const ids = (tasks: readonly Task[]) => tasks.map((t) => t.id).sort();

describe('the view rule: SQL and predicate agree', () => {
  for (const zone of ZONES) {
    for (const now of nowsFor(zone)) {
      it(`in ${zone} at ${new Date(now).toISOString()}`, async () => {
        nowMs = now;
        const offset = tzOffsetHours(zone, now);
        const tz = formatTzOffset(offset);
        const all = await listAll('', tz);
        expect(all.length).toBeGreaterThan(500);
        for (const view of TASK_VIEWS) {
          const listed = await listAll(`view=${view}`, tz);
          const expected = all.filter((t) => taskInView(t, view, now, offset));
          expect(ids(listed), `${view}: the SQL's answer is the predicate's`).toEqual(ids(expected));
          expect(listed.every((t) => t.view === view), `${view}: each task's own view`).toBe(true);
        }
        // Both sides of the boundary are represented, so the comparison says something.
        for (const view of TASK_VIEWS) expect(all.some((t) => taskInView(t, view, now, offset)), view).toBe(true);
      });
    }
  }
});
