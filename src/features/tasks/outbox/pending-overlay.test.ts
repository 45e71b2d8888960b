import { describe, expect, it } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import type { TaskPages } from '../utils/task-pages';
import type { TaskListFilters } from '../utils/task-view-rules';
import { overlayPendingOnList, pendingCountDelta } from './pending-overlay';
import type { TaskChangePayload } from './task-change-ops';

const NOW = Date.parse('2026-01-05T15:00:00Z');
const inbox: TaskListFilters = { view: 'inbox', types: [], assignedTo: 'user_me', timeZone: 'UTC' } as unknown as TaskListFilters;

function task(id: string, fields: Partial<Task> = {}): Task {
  return {
    id, _type: 'lead', text: `Task ${id}`, date: '2026-01-01', is_complete: false, assigned_to: 'user_me', lead_id: 'lead_1',
    date_created: '2026-01-01T00:00:00Z', date_updated: '2026-01-01T00:00:00Z', ...fields,
  } as Task;
}

const pages = (...tasks: Task[]): TaskPages => ({ pages: [{ data: tasks, has_more: false }], pageParams: [0] });
const ids = (p: TaskPages) => p.pages.flatMap((page) => page.data.map((t) => t.id));
const complete = (t: Task): TaskChangePayload => ({ kind: 'update', taskId: t.id, body: { is_complete: true }, before: t, patch: { is_complete: true }, timeZone: 'UTC' });

describe('pending changes over a list read from the server', () => {
  it('keeps a pending completion off the inbox the server still lists it in', () => {
    const a = task('a');
    const b = task('b', { date: '2026-01-02' });
    expect(ids(overlayPendingOnList(pages(a, b), [complete(a)], inbox, NOW))).toEqual(['b']);
  });

  it('applies several pending changes to one task in order', () => {
    const a = task('a');
    const reopen: TaskChangePayload = { kind: 'update', taskId: 'a', body: { is_complete: false }, before: a, patch: { is_complete: false }, timeZone: 'UTC' };
    const text: TaskChangePayload = { kind: 'update', taskId: 'a', body: { text: 'New' }, before: a, patch: { text: 'New' }, timeZone: 'UTC' };
    const result = overlayPendingOnList(pages(a), [complete(a), reopen, text], inbox, NOW);
    expect(result.pages[0]!.data.map((t) => [t.id, t.is_complete, t.text])).toEqual([['a', false, 'New']]);
  });

  it('shows a pending new task, and leaves an unchanged list as it was', () => {
    const pending = task('pending_1', { text: 'Call back' });
    const created: TaskChangePayload = { kind: 'create', body: { lead_id: 'lead_1', text: 'Call back' }, pending, key: 'create-1', timeZone: 'UTC' };
    const list = pages(task('a'));
    expect(ids(overlayPendingOnList(list, [created], inbox, NOW))).toContain('pending_1');
    expect(overlayPendingOnList(list, [], inbox, NOW)).toBe(list);
  });

  it('moves the counts the server gave by the pending single-task changes', () => {
    expect(pendingCountDelta([complete(task('a')), complete(task('b'))], inbox, NOW)).toBe(-2);
  });
});
