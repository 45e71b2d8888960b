import { describe, expect, it } from 'vitest';
import { type Task, TaskSchema } from '@/shared/close/schemas';
import { serializeTaskFilters } from '@/shared/close/task-filters';
import { type TaskListFilters, compareTasksForView, taskFilterInput, taskMatchesFilters } from './task-view-rules';

const taskFilterParams = (...args: Parameters<typeof taskFilterInput>) => serializeTaskFilters(taskFilterInput(...args));

function task(fields: Partial<Task>): Task {
  return TaskSchema.parse({
    id: 'task_1',
    _type: 'lead',
    assigned_to: 'user_a',
    date: '2015-01-12',
    date_created: '2026-01-01T00:00:00+00:00',
    date_updated: '2026-01-01T00:00:00+00:00',
    is_complete: false,
    lead_id: 'lead_1',
    organization_id: 'orga_1',
    ...fields,
  });
}

const inboxLA: TaskListFilters = { view: 'inbox', types: [], assignedTo: null, timeZone: 'America/Los_Angeles' };

describe('taskFilterInput, as parameters', () => {
  it('always names the types: all, one, or several', () => {
    expect(taskFilterParams({ view: 'inbox', types: [], assignedTo: null, timeZone: 'UTC' })).toEqual({ view: 'inbox', _type: 'all' });
    expect(taskFilterParams({ view: 'future', types: ['voicemail'], assignedTo: 'user_x', timeZone: 'UTC' })).toEqual({
      view: 'future',
      _type: 'voicemail',
      assigned_to: 'user_x',
    });
    expect(taskFilterParams({ view: 'archive', types: ['missed_call', 'voicemail'], assignedTo: null, timeZone: 'UTC' })).toEqual({
      view: 'archive',
      _type__in: 'missed_call,voicemail',
    });
  });
});

describe('taskMatchesFilters (the server view rules)', () => {
  // Noon on Jan 12, 2015 in PST (-8): tomorrow starts at 2015-01-13T08:00Z.
  const now = Date.UTC(2015, 0, 12, 20, 0);

  it('puts everything before the start of tomorrow in the inbox and the rest in future', () => {
    expect(taskMatchesFilters(task({ date: '2015-01-13T07:59:00+00:00' }), inboxLA, now)).toBe(true);
    expect(taskMatchesFilters(task({ date: '2015-01-13T08:00:00+00:00' }), inboxLA, now)).toBe(false);
    expect(taskMatchesFilters(task({ date: '2015-01-13' }), inboxLA, now)).toBe(false);
    expect(taskMatchesFilters(task({ date: '2015-01-13' }), { ...inboxLA, view: 'future' }, now)).toBe(true);
    expect(taskMatchesFilters(task({ date: '2015-01-12' }), inboxLA, now)).toBe(true);
  });

  it('shows complete tasks only in the archive, and honours type and assignee filters', () => {
    const done = task({ is_complete: true });
    expect(taskMatchesFilters(done, inboxLA, now)).toBe(false);
    expect(taskMatchesFilters(done, { ...inboxLA, view: 'archive' }, now)).toBe(true);
    expect(taskMatchesFilters(task({}), { ...inboxLA, types: ['voicemail'] }, now)).toBe(false);
    expect(taskMatchesFilters(task({}), { ...inboxLA, assignedTo: 'user_b' }, now)).toBe(false);
    expect(taskMatchesFilters(task({}), { ...inboxLA, assignedTo: 'user_a' }, now)).toBe(true);
  });

  it('uses a fractional offset for the edge (Asia/Kolkata)', () => {
    const kolkata: TaskListFilters = { ...inboxLA, timeZone: 'Asia/Kolkata' };
    const noonIST = Date.UTC(2026, 0, 5, 6, 30); // tomorrow starts 2026-01-05T18:30Z
    expect(taskMatchesFilters(task({ date: '2026-01-05T18:29:00+00:00' }), kolkata, noonIST)).toBe(true);
    expect(taskMatchesFilters(task({ date: '2026-01-05T18:30:00+00:00' }), kolkata, noonIST)).toBe(false);
  });
});

describe('compareTasksForView', () => {
  it('orders the seed example in PST and reverses it for the archive', () => {
    const a = task({ id: 'a', date: '2015-01-12T07:00:00+00:00' });
    const b = task({ id: 'b', date: '2015-01-12' });
    const c = task({ id: 'c', date: '2015-01-12T08:00:00+00:00' });
    const asc = [c, a, b].sort((x, y) => compareTasksForView(x, y, 'inbox', -8)).map((t) => t.id);
    expect(asc).toEqual(['a', 'b', 'c']);
    const desc = [a, c, b].sort((x, y) => compareTasksForView(x, y, 'archive', -8)).map((t) => t.id);
    expect(desc).toEqual(['c', 'b', 'a']);
  });
});

describe('an inbox slice (`due`)', () => {
  // A minute after midnight of Tue 8 Dec 2026 in Tokyo (+9) and in Los Angeles (PST, -8).
  const afterTokyoMidnight = Date.UTC(2026, 11, 7, 15, 1);
  const afterLaMidnight = Date.UTC(2026, 11, 8, 8, 1);
  const tokyo: TaskListFilters = { view: 'inbox', types: [], assignedTo: 'user_a', timeZone: 'Asia/Tokyo' };
  const la: TaskListFilters = { ...tokyo, timeZone: 'America/Los_Angeles' };

  it('asks Close for the slice’s state and date bounds, without `view` (which would override them)', () => {
    expect(taskFilterParams({ ...tokyo, due: 'overdue' }, afterTokyoMidnight)).toEqual({
      _type: 'all',
      assigned_to: 'user_a',
      is_complete: 'false',
      date__lt: '2026-12-08',
    });
    expect(taskFilterParams({ ...la, types: ['voicemail'], due: 'today' }, afterLaMidnight)).toEqual({
      _type: 'voicemail',
      assigned_to: 'user_a',
      is_complete: 'false',
      date__gte: '2026-12-08',
      date__lt: '2026-12-09',
    });
    // A minute earlier it is still the 7th in Los Angeles.
    expect(taskFilterParams({ ...la, due: 'overdue' }, afterLaMidnight - 2 * 60_000).date__lt).toBe('2026-12-07');
  });

  it('drops a task from the overdue slice once it is completed or snoozed to later today', () => {
    const overdue = { ...tokyo, due: 'overdue' as const };
    const late = task({ date: '2026-12-07T14:59:00+00:00' }); // 23:59 yesterday in Tokyo
    expect(taskMatchesFilters(late, overdue, afterTokyoMidnight)).toBe(true);
    expect(taskMatchesFilters({ ...late, is_complete: true }, overdue, afterTokyoMidnight)).toBe(false);
    const snoozed = { ...late, date: '2026-12-08T00:00:00+00:00' }; // 09:00 today in Tokyo
    expect(taskMatchesFilters(snoozed, overdue, afterTokyoMidnight)).toBe(false);
    expect(taskMatchesFilters(snoozed, { ...tokyo, due: 'today' }, afterTokyoMidnight)).toBe(true);
    // The same task is the whole inbox's either way, and a minute before Tokyo's midnight it was due today.
    expect(taskMatchesFilters(late, tokyo, afterTokyoMidnight)).toBe(true);
    expect(taskMatchesFilters(late, overdue, afterTokyoMidnight - 2 * 60_000)).toBe(false);
  });

  it('follows the view’s zone: the same instant is today in Los Angeles and overdue in Tokyo', () => {
    const at = task({ date: '2026-12-07T20:00:00+00:00' }); // 12:00 on the 7th in LA, 05:00 on the 8th in Tokyo
    const now = Date.UTC(2026, 11, 7, 22, 0); // 14:00 on the 7th in LA, 07:00 on the 8th in Tokyo
    expect(taskMatchesFilters(at, { ...la, due: 'today' }, now)).toBe(true);
    expect(taskMatchesFilters(at, { ...tokyo, due: 'today' }, now)).toBe(true);
    const earlier = task({ date: '2026-12-07T14:00:00+00:00' }); // 06:00 on the 7th in LA, 23:00 on the 7th in Tokyo
    expect(taskMatchesFilters(earlier, { ...la, due: 'today' }, now)).toBe(true);
    expect(taskMatchesFilters(earlier, { ...tokyo, due: 'overdue' }, now)).toBe(true);
    expect(taskMatchesFilters(earlier, { ...tokyo, due: 'today' }, now)).toBe(false);
  });
});
