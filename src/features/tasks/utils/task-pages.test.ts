import { describe, expect, it } from 'vitest';
import { type Task, TaskSchema } from '@/shared/close/schemas';
import { replaceEqualDeep } from '@tanstack/react-query';
import { type TaskPages, findLoadedTasks, flattenTaskPages, reconcileTasksInPages, shareTaskPages } from './task-pages';
import type { TaskListFilters } from './task-view-rules';

function task(id: string, date: string, fields: Partial<Task> = {}): Task {
  return TaskSchema.parse({
    id,
    _type: 'lead',
    assigned_to: 'user_a',
    date,
    date_created: '2026-01-01T00:00:00+00:00',
    date_updated: '2026-01-01T00:00:00+00:00',
    is_complete: false,
    lead_id: 'lead_1',
    organization_id: 'orga_1',
    ...fields,
  });
}

const NOW = Date.UTC(2026, 0, 10, 12, 0);
const inbox: TaskListFilters = { view: 'inbox', types: [], assignedTo: null, timeZone: 'UTC' };

function pages(...chunks: Array<{ tasks: Task[]; hasMore: boolean }>): TaskPages {
  return { pages: chunks.map((c) => ({ data: c.tasks, has_more: c.hasMore })), pageParams: chunks.map((_, i) => i * 100) };
}

const ids = (p: TaskPages) => p.pages.map((page) => page.data.map((t) => t.id));

describe('reconcileTasksInPages', () => {
  const a = task('a', '2026-01-01');
  const b = task('b', '2026-01-03');
  const c = task('c', '2026-01-05');
  const d = task('d', '2026-01-08');

  it('removes a completed task and counts one less', () => {
    const result = reconcileTasksInPages(pages({ tasks: [a, b, c], hasMore: false }), [{ before: b, after: { ...b, is_complete: true } }], inbox, NOW);
    expect(ids(result.pages)).toEqual([['a', 'c']]);
    expect(result.countDelta).toBe(-1);
  });

  it('moves a rescheduled task to its place by date, across pages', () => {
    const list = pages({ tasks: [a, b], hasMore: true }, { tasks: [c, d], hasMore: false });
    const moved = { ...a, date: '2026-01-06' };
    const result = reconcileTasksInPages(list, [{ before: a, after: moved }], inbox, NOW);
    expect(ids(result.pages)).toEqual([['b'], ['c', 'a', 'd']]);
    expect(result.countDelta).toBe(0);
    expect(result.pages.pageParams).toEqual([0, 100]);
  });

  it('puts a reopened task back, and leaves one beyond the loaded pages to the next page', () => {
    const list = pages({ tasks: [a, c], hasMore: true });
    const back = reconcileTasksInPages(list, [{ before: { ...b, is_complete: true }, after: b }], inbox, NOW);
    expect(ids(back.pages)).toEqual([['a', 'b', 'c']]);
    expect(back.countDelta).toBe(1);
    const later = reconcileTasksInPages(list, [{ before: { ...d, is_complete: true }, after: d }], inbox, NOW);
    expect(ids(later.pages)).toEqual([['a', 'c']]);
    expect(later.countDelta).toBe(1);
  });

  it('appends at the end when nothing is left to load', () => {
    const list = pages({ tasks: [a, b], hasMore: false });
    const result = reconcileTasksInPages(list, [{ before: null, after: d }], inbox, NOW);
    expect(ids(result.pages)).toEqual([['a', 'b', 'd']]);
  });

  it('drops a task snoozed out of the view, and one reassigned away from a filtered list', () => {
    const list = pages({ tasks: [a, b], hasMore: false });
    const snoozed = reconcileTasksInPages(list, [{ before: a, after: { ...a, date: '2026-02-01' } }], inbox, NOW);
    expect(ids(snoozed.pages)).toEqual([['b']]);
    const mine = { ...inbox, assignedTo: 'user_a' };
    const reassigned = reconcileTasksInPages(list, [{ before: b, after: { ...b, assigned_to: 'user_z' } }], mine, NOW);
    expect(ids(reassigned.pages)).toEqual([['a']]);
    const everyone = reconcileTasksInPages(list, [{ before: b, after: { ...b, assigned_to: 'user_z' } }], inbox, NOW);
    expect(flattenTaskPages(everyone.pages).find((t) => t.id === 'b')?.assigned_to).toBe('user_z');
  });

  it('is undone by the inverse change', () => {
    const list = pages({ tasks: [a, b, c], hasMore: false });
    const done = { ...b, is_complete: true };
    const forward = reconcileTasksInPages(list, [{ before: b, after: done }], inbox, NOW);
    const back = reconcileTasksInPages(forward.pages, [{ before: done, after: b }], inbox, NOW);
    expect(ids(back.pages)).toEqual([['a', 'b', 'c']]);
    expect(forward.countDelta + back.countDelta).toBe(0);
  });
});

describe('flattenTaskPages and findLoadedTasks', () => {
  it('lists each task once even when pages overlap, and finds the freshest copy', () => {
    const old = task('a', '2026-01-01');
    const fresh = { ...old, date_updated: '2026-01-02T00:00:00+00:00', text: 'new' };
    const list = pages({ tasks: [old, task('b', '2026-01-02')], hasMore: true }, { tasks: [task('b', '2026-01-02')], hasMore: false });
    expect(flattenTaskPages(list).map((t) => t.id)).toEqual(['a', 'b']);
    const found = findLoadedTasks([list, pages({ tasks: [fresh], hasMore: false })], ['a', 'zzz']);
    expect(found.get('a')?.text).toBe('new');
    expect(found.has('zzz')).toBe(false);
  });
});

describe('shareTaskPages', () => {
  const a = task('task_a', '2026-11-20');
  const b = task('task_b', '2026-11-21');
  const c = task('task_c', '2026-11-22');
  const d = task('task_d', '2026-11-23');
  const cached: TaskPages = { pages: [{ data: [a, b, c], has_more: true }, { data: [d], has_more: false }], pageParams: [0, 3] };
  /** The same tasks as a fresh answer would bring them: equal, but new objects. */
  const fresh = (t: Task): Task => JSON.parse(JSON.stringify(t)) as Task;

  it('keeps every other task object when one leaves the list (the default sharing copies those after it)', () => {
    const next: TaskPages = { pages: [{ data: [a, c], has_more: true }, cached.pages[1]!], pageParams: [0, 3] };
    const shared = shareTaskPages(cached, next) as TaskPages;
    expect(shared.pages[0]!.data[1]).toBe(c);
    expect(shared.pages[0]!.data[0]).toBe(a);
    expect(shared.pages[1]).toBe(cached.pages[1]);
    // What TanStack Query's own sharing does with the same change: `c` comes back as a copy.
    expect((replaceEqualDeep(cached, next) as TaskPages).pages[0]!.data[1]).not.toBe(c);
  });

  it('gives back the cached data itself when a refetch brings equal tasks', () => {
    const next: TaskPages = { pages: cached.pages.map((p) => ({ ...p, data: p.data.map(fresh) })), pageParams: [0, 3] };
    expect(shareTaskPages(cached, next)).toBe(cached);
  });

  it('gives a changed task a new object with its new values, matched by id across pages', () => {
    const done = { ...fresh(b), is_complete: true };
    const next: TaskPages = { pages: [{ data: [fresh(a), fresh(c)], has_more: true }, { data: [fresh(d), done], has_more: false }], pageParams: [0, 3] };
    const shared = shareTaskPages(cached, next) as TaskPages;
    expect(shared).not.toBe(cached);
    expect(shared.pages[0]!.data).toEqual([a, c]);
    expect(shared.pages[0]!.data[0]).toBe(a);
    expect(shared.pages[0]!.data[1]).toBe(c);
    expect(shared.pages[1]!.data[0]).toBe(d);
    expect(shared.pages[1]!.data[1]).not.toBe(b);
    expect(shared.pages[1]!.data[1]).toEqual(done);
  });

  it('keeps the loaded pages when the next one arrives, and takes the new page as it is', () => {
    const e = task('task_e', '2026-11-24');
    const newPage = { data: [e], has_more: false };
    const next: TaskPages = { pages: [cached.pages[0]!, { data: [d], has_more: true }, newPage], pageParams: [0, 3, 4] };
    const shared = shareTaskPages(cached, next) as TaskPages;
    expect(shared.pages[0]).toBe(cached.pages[0]);
    expect(shared.pages[1]!.data[0]).toBe(d);
    expect(shared.pages[2]).toBe(newPage);
    expect(shared.pageParams).toEqual([0, 3, 4]);
  });

  it('shares anything else as TanStack Query would', () => {
    const count = { count: 3, capped: false };
    expect(shareTaskPages(count, { count: 3, capped: false })).toBe(count);
    expect(shareTaskPages(undefined, cached)).toBe(cached);
  });
});
