import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { type Task, TaskSchema } from '@/shared/close/schemas';
import type { TaskPages } from '../utils/task-pages';
import type { TaskListFilters } from '../utils/task-view-rules';
import type { TaskCount } from './list-tasks';
import { COUNT_REFRESH_PAUSE_MS, applyTaskChanges, invertChanges, replaceTaskCopies, settleTaskChange } from './task-cache';
import { taskKeys } from './task-keys';

function task(id: string, fields: Partial<Task> = {}): Task {
  return TaskSchema.parse({
    id,
    _type: 'lead',
    assigned_to: 'user_a',
    date: '2026-01-05',
    date_created: '2026-01-01T00:00:00+00:00',
    date_updated: '2026-01-01T00:00:00+00:00',
    is_complete: false,
    lead_id: 'lead_1',
    organization_id: 'orga_1',
    ...fields,
  });
}

const NOW = Date.UTC(2026, 0, 10, 12, 0);
const base = { types: [], assignedTo: null, timeZone: 'UTC' } as const;
const inbox: TaskListFilters = { ...base, view: 'inbox' };
const archive: TaskListFilters = { ...base, view: 'archive' };

function seed(client: QueryClient, filters: TaskListFilters, tasks: Task[], count: number) {
  client.setQueryData<TaskPages>(taskKeys.list(filters), { pages: [{ data: tasks, has_more: false }], pageParams: [0] });
  client.setQueryData<TaskCount>(taskKeys.count(filters), { count, capped: false });
}

const listIds = (client: QueryClient, filters: TaskListFilters) =>
  client.getQueryData<TaskPages>(taskKeys.list(filters))!.pages.flatMap((p) => p.data.map((t) => t.id));

describe('applyTaskChanges on a real QueryClient', () => {
  it("cancels the reads of what it changes, and lets a count's first load finish", async () => {
    const client = new QueryClient();
    seed(client, inbox, [task('a')], 1);
    const refetch = client.fetchQuery({ queryKey: taskKeys.count(inbox), queryFn: () => new Promise<TaskCount>((r) => setTimeout(() => r({ count: 9, capped: false }), 20)), staleTime: 0 });
    let firstLoadAnswered = false;
    const firstLoad = client
      .fetchQuery({ queryKey: taskKeys.count(archive), queryFn: () => new Promise<TaskCount>((r) => setTimeout(() => r({ count: 4, capped: false }), 20)) })
      .then(() => (firstLoadAnswered = true));
    applyTaskChanges(client, [{ before: task('a'), after: task('a', { is_complete: true }) }], NOW);
    // The shown count keeps the change (0), not the answer that was on its way (9).
    await refetch.catch(() => {});
    await new Promise((r) => setTimeout(r, 30));
    expect(client.getQueryData<TaskCount>(taskKeys.count(inbox))?.count).toBe(0);
    await firstLoad;
    expect(firstLoadAnswered).toBe(true);
    expect(client.getQueryData<TaskCount>(taskKeys.count(archive))?.count).toBe(4);
  });

  it('moves a completed task from every inbox list to the archive, with counts, and back on rollback', () => {
    const client = new QueryClient();
    const a = task('a');
    const b = task('b');
    seed(client, inbox, [a, b], 2);
    seed(client, archive, [], 0);
    const changes = [{ before: a, after: { ...a, is_complete: true } }];

    applyTaskChanges(client, changes, NOW);
    expect(listIds(client, inbox)).toEqual(['b']);
    expect(listIds(client, archive)).toEqual(['a']);
    expect(client.getQueryData<TaskCount>(taskKeys.count(inbox))?.count).toBe(1);
    expect(client.getQueryData<TaskCount>(taskKeys.count(archive))?.count).toBe(1);

    applyTaskChanges(client, invertChanges(changes), NOW);
    expect(listIds(client, inbox)).toEqual(['a', 'b']);
    expect(listIds(client, archive)).toEqual([]);
    expect(client.getQueryData<TaskCount>(taskKeys.count(inbox))?.count).toBe(2);
  });

  it('leaves a second, concurrent change in place when the first rolls back', () => {
    const client = new QueryClient();
    const a = task('a');
    const b = task('b');
    seed(client, inbox, [a, b], 2);
    const first = [{ before: a, after: { ...a, is_complete: true } }];
    const second = [{ before: b, after: { ...b, is_complete: true } }];
    applyTaskChanges(client, first, NOW);
    applyTaskChanges(client, second, NOW);
    applyTaskChanges(client, invertChanges(first), NOW);
    expect(listIds(client, inbox)).toEqual(['a']);
  });

  it("swaps the server's copy in only where the optimistic guess is still shown", () => {
    const client = new QueryClient();
    const a = task('a');
    seed(client, inbox, [a], 1);
    const guess = { ...a, text: 'guess' };
    applyTaskChanges(client, [{ before: a, after: guess }], NOW);
    replaceTaskCopies(client, guess, { ...guess, text: 'saved' });
    expect(client.getQueryData<TaskPages>(taskKeys.list(inbox))!.pages[0]!.data[0]!.text).toBe('saved');
    // A later change replaced the guess: the late answer must not bring it back.
    const later = { ...a, text: 'later' };
    applyTaskChanges(client, [{ before: a, after: later }], NOW);
    replaceTaskCopies(client, guess, { ...guess, text: 'stale' });
    expect(client.getQueryData<TaskPages>(taskKeys.list(inbox))!.pages[0]!.data[0]!.text).toBe('later');
  });
});

describe('settleTaskChange', () => {
  it('reads the lists again when the last change settles, and the counts once changes pause', async () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const reads = { list: 0, count: 0 };
      const list = new QueryObserver(client, {
        queryKey: taskKeys.list(inbox),
        queryFn: async (): Promise<TaskPages> => {
          reads.list++;
          return { pages: [{ data: [], has_more: false }], pageParams: [0] };
        },
        staleTime: Infinity,
      });
      const count = new QueryObserver(client, {
        queryKey: taskKeys.count(inbox),
        queryFn: async (): Promise<TaskCount> => {
          reads.count++;
          return { count: 0, capped: false };
        },
        staleTime: Infinity,
      });
      const stop = [list.subscribe(() => {}), count.subscribe(() => {})];
      await vi.advanceTimersByTimeAsync(0);
      expect(reads).toEqual({ list: 1, count: 1 });

      const change = () =>
        new MutationObserver(client, { mutationKey: taskKeys.update(), mutationFn: async () => null, onSettled: () => settleTaskChange(client) }).mutate();
      await change();
      await vi.advanceTimersByTimeAsync(0);
      expect(reads).toEqual({ list: 2, count: 1 });

      // A second change before the pause is over starts the pause again.
      await vi.advanceTimersByTimeAsync(COUNT_REFRESH_PAUSE_MS - 500);
      await change();
      await vi.advanceTimersByTimeAsync(COUNT_REFRESH_PAUSE_MS - 500);
      expect(reads).toEqual({ list: 3, count: 1 });
      await vi.advanceTimersByTimeAsync(500);
      expect(reads).toEqual({ list: 3, count: 2 });
      for (const s of stop) s();
    } finally {
      vi.useRealTimers();
    }
  });
});
