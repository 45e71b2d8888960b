import { describe, expect, it } from 'vitest';
import { TASK_SLICES, type TaskSlice, taskInSlice, taskSliceFilters } from './task-slices';
import { taskInView } from './task-view-rule';

const MINUTE = 60_000;
// Midnight of Tue 8 Dec 2026 in Tokyo (+9, no DST) and in Los Angeles (PST, -8).
const TOKYO_MIDNIGHT = Date.UTC(2026, 11, 7, 15, 0);
const LA_MIDNIGHT = Date.UTC(2026, 11, 8, 8, 0);

const open = (date: string | null) => ({ is_complete: false, date });
const slicesOf = (task: { is_complete: boolean; date: string | null; date_updated?: string }, nowMs: number, offset: number): TaskSlice[] =>
  TASK_SLICES.filter((slice) => taskInSlice(task, slice, nowMs, offset));

describe('taskSliceFilters', () => {
  it('cuts at the start of the user’s today and tomorrow in their zone, without `view`', () => {
    expect(taskSliceFilters('overdue', TOKYO_MIDNIGHT - MINUTE, 9)).toEqual({ isComplete: false, dates: [{ field: 'date', op: 'lt', value: '2026-12-07' }] });
    expect(taskSliceFilters('overdue', TOKYO_MIDNIGHT + MINUTE, 9)).toEqual({ isComplete: false, dates: [{ field: 'date', op: 'lt', value: '2026-12-08' }] });
    expect(taskSliceFilters('today', LA_MIDNIGHT - MINUTE, -8)).toEqual({
      isComplete: false,
      dates: [
        { field: 'date', op: 'gte', value: '2026-12-07' },
        { field: 'date', op: 'lt', value: '2026-12-08' },
      ],
    });
    expect(taskSliceFilters('today', LA_MIDNIGHT + MINUTE, -8).dates.map((d) => d.value)).toEqual(['2026-12-08', '2026-12-09']);
    expect(taskSliceFilters('future', LA_MIDNIGHT + MINUTE, -8)).toEqual({ isComplete: false, dates: [{ field: 'date', op: 'gte', value: '2026-12-09' }] });
    expect(taskSliceFilters('doneLast7Days', TOKYO_MIDNIGHT + MINUTE, 9)).toEqual({
      isComplete: true,
      dates: [{ field: 'date_updated', op: 'gte', value: '2026-12-02' }],
    });
  });
});

describe('taskInSlice (the API’s order: date-only = local midnight, before a date-time at that instant)', () => {
  it('moves tasks from today to overdue at Tokyo’s midnight', () => {
    const lastMinute = open('2026-12-07T14:59:00+00:00'); // 23:59 on the 7th in Tokyo
    const dayOnly = open('2026-12-07');
    const atMidnight = open('2026-12-07T15:00:00+00:00'); // 00:00 on the 8th in Tokyo
    const tomorrow = open('2026-12-08');
    const before = TOKYO_MIDNIGHT - MINUTE;
    const after = TOKYO_MIDNIGHT + MINUTE;
    expect(slicesOf(lastMinute, before, 9)).toEqual(['today']);
    expect(slicesOf(dayOnly, before, 9)).toEqual(['today']);
    expect(slicesOf(atMidnight, before, 9)).toEqual(['future']);
    expect(slicesOf(tomorrow, before, 9)).toEqual(['future']);
    expect(slicesOf(lastMinute, after, 9)).toEqual(['overdue']);
    expect(slicesOf(dayOnly, after, 9)).toEqual(['overdue']);
    // The date-time at the same instant as the day's date-only bound sorts after it: today, not overdue.
    expect(slicesOf(atMidnight, after, 9)).toEqual(['today']);
    expect(slicesOf(tomorrow, after, 9)).toEqual(['today']);
  });

  it('moves tasks from today to overdue at Los Angeles’s midnight', () => {
    const lastMinute = open('2026-12-08T07:59:00+00:00'); // 23:59 on the 7th in LA
    const atMidnight = open('2026-12-08T08:00:00+00:00');
    // Midnight UTC of the 8th is still the 7th in LA: today before LA's midnight, overdue after.
    const utcMidnight = open('2026-12-08T00:00:00Z');
    expect(slicesOf(lastMinute, LA_MIDNIGHT - MINUTE, -8)).toEqual(['today']);
    expect(slicesOf(utcMidnight, LA_MIDNIGHT - MINUTE, -8)).toEqual(['today']);
    expect(slicesOf(atMidnight, LA_MIDNIGHT - MINUTE, -8)).toEqual(['future']);
    expect(slicesOf(lastMinute, LA_MIDNIGHT + MINUTE, -8)).toEqual(['overdue']);
    expect(slicesOf(utcMidnight, LA_MIDNIGHT + MINUTE, -8)).toEqual(['overdue']);
    expect(slicesOf(atMidnight, LA_MIDNIGHT + MINUTE, -8)).toEqual(['today']);
  });

  it('leaves complete tasks and tasks without a readable date out of the open slices', () => {
    for (const date of [null, 'garbage']) expect(slicesOf(open(date), TOKYO_MIDNIGHT, 9)).toEqual([]);
    const done = { is_complete: true, date: '2026-12-01', date_updated: '2026-12-07T15:00:00Z' };
    expect(slicesOf(done, TOKYO_MIDNIGHT + MINUTE, 9)).toEqual(['doneLast7Days']);
    // Updated a minute before the start of the day six days ago (Tokyo): not in the last 7 days.
    expect(slicesOf({ ...done, date_updated: '2026-12-01T14:59:00Z' }, TOKYO_MIDNIGHT + MINUTE, 9)).toEqual([]);
  });

  it('splits the dated inbox into overdue and today, and agrees with the future view, in both zones', () => {
    const dates = ['2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09'];
    for (let hour = -30; hour <= 30; hour += 1) dates.push(new Date(TOKYO_MIDNIGHT + hour * 60 * MINUTE).toISOString());
    for (const [offset, midnight] of [[9, TOKYO_MIDNIGHT], [-8, LA_MIDNIGHT]] as const) {
      for (const nowMs of [midnight - MINUTE, midnight, midnight + MINUTE]) {
        for (const date of dates) {
          const task = open(date);
          const slices = slicesOf(task, nowMs, offset);
          expect(slices, `${date} at ${offset}`).toHaveLength(1);
          expect(slices[0] === 'future', date).toBe(taskInView(task, 'future', nowMs, offset));
        }
      }
    }
  });
});
