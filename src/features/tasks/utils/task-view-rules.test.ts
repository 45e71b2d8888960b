import { describe, expect, it } from 'vitest';
import { type Task, TaskSchema } from '@/shared/close/schemas';
import { type TaskListFilters, compareTasksForView, taskFilterParams, taskMatchesFilters } from './task-view-rules';

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

describe('taskFilterParams', () => {
  it('always names the types: all, one, or several', () => {
    expect(taskFilterParams({ view: 'inbox', types: [], assignedTo: null })).toEqual({ view: 'inbox', _type: 'all' });
    expect(taskFilterParams({ view: 'future', types: ['voicemail'], assignedTo: 'user_x' })).toEqual({
      view: 'future',
      _type: 'voicemail',
      assigned_to: 'user_x',
    });
    expect(taskFilterParams({ view: 'archive', types: ['missed_call', 'voicemail'], assignedTo: null })).toEqual({
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
