import { describe, expect, it } from 'vitest';
import { type Task, TaskSchema } from '@/shared/close/schemas';
import { dayLabel, groupCountLabel, groupTasks, toListRows } from './group-tasks';
import { compareTasksForView } from './task-view-rules';

let seq = 0;
function task(date: string | null, fields: Record<string, unknown> = {}): Task {
  seq++;
  return TaskSchema.parse({
    id: `task_${String(seq).padStart(4, '0')}`,
    _type: 'lead',
    assigned_to: 'user_a',
    date,
    date_created: `2015-01-01T00:00:${String(seq % 60).padStart(2, '0')}+00:00`,
    date_updated: '2015-01-01T00:00:00+00:00',
    is_complete: false,
    lead_id: 'lead_1',
    organization_id: 'orga_1',
    text: date ?? 'no date',
    ...fields,
  });
}

const summary = (groups: ReturnType<typeof groupTasks>) => groups.map((g) => [g.label, g.tasks.map((t) => t.date)]);

describe('groupTasks: inbox', () => {
  it('follows the seed example in PST: 07:00Z is yesterday, the date-only day and 08:00Z are today', () => {
    const now = Date.UTC(2015, 0, 12, 20, 0); // noon PST
    const tasks = [task('2015-01-12T07:00:00+00:00'), task('2015-01-12'), task('2015-01-12T08:00:00+00:00')];
    // The server's order (seed 000): 07:00Z, then the date-only date, then 08:00Z.
    const sorted = [...tasks].reverse().sort((a, b) => compareTasksForView(a, b, 'inbox', -8));
    expect(sorted.map((t) => t.date)).toEqual(['2015-01-12T07:00:00+00:00', '2015-01-12', '2015-01-12T08:00:00+00:00']);
    expect(summary(groupTasks(sorted, 'inbox', { timeZone: 'America/Los_Angeles', nowMs: now, hasMore: false }))).toEqual([
      ['Overdue', ['2015-01-12T07:00:00+00:00']],
      ['Today', ['2015-01-12', '2015-01-12T08:00:00+00:00']],
    ]);
  });

  it('moves the edge with the zone: the same tasks in Berlin are all today', () => {
    const now = Date.UTC(2015, 0, 12, 20, 0);
    const tasks = [task('2015-01-12T07:00:00+00:00'), task('2015-01-12'), task('2015-01-12T08:00:00+00:00')];
    expect(summary(groupTasks(tasks, 'inbox', { timeZone: 'Europe/Berlin', nowMs: now, hasMore: false }))).toEqual([
      ['Today', ['2015-01-12T07:00:00+00:00', '2015-01-12', '2015-01-12T08:00:00+00:00']],
    ]);
  });

  it('uses fractional offsets (Asia/Kolkata, +5:30) for the edge of the day', () => {
    const now = Date.UTC(2026, 0, 5, 18, 45); // 00:15 on Jan 6 in Kolkata
    const tasks = [
      task('2026-01-05'),
      task('2026-01-05T18:20:00+00:00'), // 23:50 Jan 5 IST
      task('2026-01-06'),
      task('2026-01-05T18:30:00+00:00'), // 00:00 Jan 6 IST
    ];
    expect(summary(groupTasks(tasks, 'inbox', { timeZone: 'Asia/Kolkata', nowMs: now, hasMore: false }))).toEqual([
      ['Overdue', ['2026-01-05', '2026-01-05T18:20:00+00:00']],
      ['Today', ['2026-01-06', '2026-01-05T18:30:00+00:00']],
    ]);
  });

  it('puts tasks without a date first and marks the last group as continuing when more pages exist', () => {
    const now = Date.UTC(2026, 0, 5, 12, 0);
    const groups = groupTasks([task(null), task('2026-01-01'), task('2026-01-05')], 'inbox', {
      timeZone: 'UTC',
      nowMs: now,
      hasMore: true,
    });
    expect(groups.map((g) => [g.label, groupCountLabel(g)])).toEqual([
      ['No date', '1'],
      ['Overdue', '1'],
      ['Today', '1+'],
    ]);
  });
});

describe('groupTasks: future', () => {
  it('starts with Tomorrow, then one group per day in the zone', () => {
    const now = Date.UTC(2026, 5, 10, 15, 0); // Wed Jun 10, 11:00 EDT
    const tasks = [task('2026-06-11'), task('2026-06-12T03:30:00+00:00'), task('2026-06-12T04:30:00+00:00'), task('2027-01-04')];
    expect(summary(groupTasks(tasks, 'future', { timeZone: 'America/New_York', nowMs: now, hasMore: false }))).toEqual([
      ['Tomorrow', ['2026-06-11', '2026-06-12T03:30:00+00:00']], // 23:30 EDT on the 11th
      ['Fri, Jun 12', ['2026-06-12T04:30:00+00:00']],
      ['Mon, Jan 4, 2027', ['2027-01-04']],
    ]);
  });

  it('places tasks after the March DST change on their wall-clock day (New York springs forward Mar 8, 2026)', () => {
    const now = Date.UTC(2026, 2, 7, 15, 0); // Sat Mar 7, 10:00 EST (-5)
    const tasks = [
      task('2026-03-09T03:30:00+00:00'), // Sun Mar 8, 23:30 EDT
      task('2026-03-10T04:30:00+00:00'), // Tue Mar 10, 00:30 EDT (Mon 23:30 at the old -5)
    ];
    expect(summary(groupTasks(tasks, 'future', { timeZone: 'America/New_York', nowMs: now, hasMore: false }))).toEqual([
      ['Tomorrow', ['2026-03-09T03:30:00+00:00']],
      ['Tue, Mar 10', ['2026-03-10T04:30:00+00:00']],
    ]);
  });

  it('keeps a task that reads as tomorrow after the November change in Tomorrow', () => {
    const now = Date.UTC(2026, 9, 31, 14, 0); // Sat Oct 31, 10:00 EDT (-4); clocks fall back Nov 1
    const tasks = [task('2026-11-02T04:30:00+00:00')]; // Sun Nov 1, 23:30 EST
    expect(summary(groupTasks(tasks, 'future', { timeZone: 'America/New_York', nowMs: now, hasMore: false }))).toEqual([
      ['Tomorrow', ['2026-11-02T04:30:00+00:00']],
    ]);
  });
});

describe('groupTasks: archive', () => {
  it('groups by day, newest first, with Today and Yesterday named', () => {
    const now = Date.UTC(2026, 0, 15, 12, 0);
    const tasks = [
      task('2026-01-15T09:00:00+00:00', { is_complete: true }),
      task('2026-01-14', { is_complete: true }),
      task('2025-12-31T23:30:00+00:00', { is_complete: true }),
    ];
    expect(summary(groupTasks(tasks, 'archive', { timeZone: 'UTC', nowMs: now, hasMore: false }))).toEqual([
      ['Today', ['2026-01-15T09:00:00+00:00']],
      ['Yesterday', ['2026-01-14']],
      ['Wed, Dec 31, 2025', ['2025-12-31T23:30:00+00:00']],
    ]);
  });

  it('orders newest first even when tasks arrive out of order', () => {
    const now = Date.UTC(2026, 0, 15, 12, 0);
    const groups = groupTasks(
      [task('2026-01-02', { is_complete: true }), task('2026-01-10', { is_complete: true })],
      'archive',
      { timeZone: 'UTC', nowMs: now, hasMore: false },
    );
    expect(groups.map((g) => g.key)).toEqual(['2026-01-10', '2026-01-02']);
  });
});

describe('dayLabel and rows', () => {
  it('names nearby days and formats the rest', () => {
    expect(dayLabel('2026-03-10', '2026-03-10')).toBe('Today');
    expect(dayLabel('2026-03-11', '2026-03-10')).toBe('Tomorrow');
    expect(dayLabel('2026-03-09', '2026-03-10')).toBe('Yesterday');
    expect(dayLabel('2026-03-16', '2026-03-10')).toBe('Mon, Mar 16');
    expect(dayLabel('2025-03-16', '2026-03-10')).toBe('Sun, Mar 16, 2025');
  });

  it('flattens groups into header and task rows', () => {
    const now = Date.UTC(2026, 0, 5, 12, 0);
    const a = task('2026-01-01');
    const b = task('2026-01-05');
    const rows = toListRows(groupTasks([a, b], 'inbox', { timeZone: 'UTC', nowMs: now, hasMore: false }));
    expect(rows.map((r) => (r.kind === 'group' ? r.group.label : r.task.id))).toEqual(['Overdue', a.id, 'Today', b.id]);
  });
});
