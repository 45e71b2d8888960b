/**
 * Moving tasks against the real embedded API, through our real proxy, over HTTP. The port sends
 * each change as the task outbox does (a bulk PUT by ids; a restore as one bulk PUT per previous
 * owner), so what is tested here is which tasks a move takes, how it spreads them, how few
 * requests it needs, and that Undo gives every task back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { apiRequest, setDefaultApiOrigin } from '@/lib/api-client';
import { addDaysToDay, localDayAt } from '@/shared/close/dates';
import { tzOffsetHours } from '@/shared/close/zones';
import { setUpProxiedCloseApi } from '@/server/testing/proxied-close-api';
import type { TaskChangesPort, TaskMoveChange } from './task-changes-port';
import { serializeTaskFilters } from '@/shared/close/task-filters';
import { moveTasks, sliceTaskFilters, undoMove } from './move-tasks';

const stack = setUpProxiedCloseApi((url) => setDefaultApiOrigin(() => url));
const realFetch = globalThis.fetch;
let requests: string[] = [];

beforeAll(() => {
  globalThis.fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return realFetch(input, init);
  };
});
afterAll(() => {
  globalThis.fetch = realFetch;
});
afterEach(() => {
  requests = [];
});

const AnswerSchema = z.looseObject({});

async function putByIds(ids: readonly string[], assignedTo: string, timeZone: string) {
  await apiRequest({ method: 'PUT', path: '/task/', body: { assigned_to: assignedTo, _params: { id__in: ids.join(','), _type: 'all' } }, schema: AnswerSchema, timeZone });
}

/** Sends each change at once, as the outbox would once it is its turn. */
const port: TaskChangesPort = {
  enqueue: (change: TaskMoveChange) => {
    const send = async () => {
      if (change.kind === 'bulk-ids') return putByIds(change.ids, change.changes.assigned_to, change.timeZone);
      const byOwner = new Map<string, string[]>();
      for (const item of change.items) byOwner.set(item.values.assigned_to, [...(byOwner.get(item.values.assigned_to) ?? []), item.id]);
      for (const [owner, ids] of byOwner) await putByIds(ids, owner, change.timeZone);
    };
    return { id: 'test', result: send() };
  },
  mutationKey: ['tasks', 'update'],
  taskQueryKey: ['tasks'],
  settled: () => {},
};

let repCount = 0;
function addRep(): string {
  const id = `user_rep${++repCount}${Math.random().toString(36).slice(2, 8)}`;
  stack.api.db.prepare('INSERT INTO users (id, email, first_name, last_name, api_key, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id, `${id}@example.test`, `Rep${repCount}`, 'Test', `key-${id}`, '2015-01-01T00:00:00+00:00', '2015-01-01T00:00:00+00:00',
  );
  stack.api.db.prepare('INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)').run(`memb_${id}`, stack.api.organizationId, id, 'user');
  return id;
}

function ownerOf(taskId: string): string {
  return (stack.api.db.prepare('SELECT assigned_to FROM tasks WHERE id = ?').get(taskId) as { assigned_to: string }).assigned_to;
}

const TOKYO = 'Asia/Tokyo';
const tokyoToday = () => localDayAt(Date.now(), tzOffsetHours(TOKYO));

const NOW = Date.UTC(2026, 11, 7, 2, 30); // 02:30 UTC: still the 6th in Los Angeles, the 7th in Tokyo

const sliceTaskParams = (...args: Parameters<typeof sliceTaskFilters>) => serializeTaskFilters(sliceTaskFilters(...args));

describe('sliceTaskFilters, as parameters', () => {
  it('reads overdue and today in the rep’s own day', () => {
    expect(sliceTaskParams('overdue', 'user_a', [], NOW, 9)).toEqual({ assigned_to: 'user_a', _type: 'all', is_complete: 'false', date__lt: '2026-12-07' });
    expect(sliceTaskParams('overdue', 'user_a', [], NOW, -8)).toMatchObject({ date__lt: '2026-12-06' });
    expect(sliceTaskParams('today', 'user_a', [], NOW, 5.5)).toMatchObject({ is_complete: 'false', date__gte: '2026-12-07', date__lt: '2026-12-08' });
  });

  it('narrows to the chosen types, one or several', () => {
    expect(sliceTaskParams('future', 'user_a', ['lead'], NOW, 0)).toMatchObject({ _type: 'lead' });
    const several = sliceTaskParams('future', 'user_a', ['lead', 'missed_call'], NOW, 0);
    expect(several._type__in).toBe('lead,missed_call');
    expect(several._type).toBeUndefined();
  });

  it('takes every open task for "all open"', () => {
    expect(sliceTaskParams('open', 'user_a', [], NOW, 0)).toEqual({ assigned_to: 'user_a', is_complete: 'false', _type: 'all' });
  });
});

describe('moveTasks', () => {
  it('spreads 1,000 overdue tasks over 4 reps in 9 requests, and Undo gives each back to its owner', async () => {
    const source = addRep();
    const targets = [addRep(), addRep(), addRep(), addRep()];
    const overdue = Array.from({ length: 1_000 }, (_, i) => stack.api.addTask({ date: addDaysToDay('2020-01-01', i % 300), assignedTo: source }));
    const today = stack.api.addTask({ date: tokyoToday(), assignedTo: source });

    const outcome = await moveTasks(port, {
      sources: [{ userId: source, timeZone: TOKYO }],
      slice: 'overdue',
      types: [],
      limit: null,
      targets: targets.map((userId) => ({ userId })),
      description: 'move overdue tasks',
    });

    expect(outcome.failed).toEqual([]);
    expect(outcome.moved).toHaveLength(1_000);
    const perTarget = targets.map((t) => overdue.filter((id) => ownerOf(id) === t).length);
    expect(perTarget).toEqual([250, 250, 250, 250]);
    expect(ownerOf(today)).toBe(source);
    // Five pages of 200 ids, then one PUT per target.
    expect(requests.filter((r) => r.startsWith('GET'))).toHaveLength(5);
    expect(requests.filter((r) => r.startsWith('PUT'))).toHaveLength(4);
    expect(requests.filter((r) => r.startsWith('GET')).every((r) => r.includes('_fields=id') && r.includes('_order_by=date'))).toBe(true);

    requests = [];
    await undoMove(port, outcome.moved, TOKYO, 'undo');
    expect(overdue.every((id) => ownerOf(id) === source)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('takes only the oldest N of the chosen types, reading "today" in the source rep’s zone', async () => {
    const source = addRep();
    const target = addRep();
    const oldest = stack.api.addTask({ date: '2021-01-01', assignedTo: source, type: 'missed_call' });
    const older = stack.api.addTask({ date: '2021-02-01', assignedTo: source, type: 'missed_call' });
    const newer = stack.api.addTask({ date: '2021-03-01', assignedTo: source, type: 'missed_call' });
    const otherType = stack.api.addTask({ date: '2020-01-01', assignedTo: source, type: 'lead' });
    const dueToday = stack.api.addTask({ date: tokyoToday(), assignedTo: source, type: 'missed_call' });

    const outcome = await moveTasks(port, {
      sources: [{ userId: source, timeZone: TOKYO }],
      slice: 'overdue',
      types: ['missed_call'],
      limit: 2,
      targets: [{ userId: target }],
      description: 'move the oldest missed calls',
    });

    expect(outcome.moved.map((m) => m.id).sort()).toEqual([oldest, older].sort());
    expect([oldest, older].map(ownerOf)).toEqual([target, target]);
    expect([newer, otherType, dueToday].map(ownerOf)).toEqual([source, source, source]);
  });

  it('moves from several reps at once, and Undo sends one request per previous owner', async () => {
    const [a, b, target] = [addRep(), addRep(), addRep()];
    const fromA = [stack.api.addTask({ date: '2020-05-01', assignedTo: a }), stack.api.addTask({ date: '2020-05-02', assignedTo: a })];
    const fromB = [stack.api.addTask({ date: '2020-05-01', assignedTo: b })];
    const outcome = await moveTasks(port, {
      sources: [
        { userId: a, timeZone: 'America/Los_Angeles' },
        { userId: b, timeZone: 'Asia/Kolkata' },
      ],
      slice: 'open',
      types: [],
      limit: null,
      targets: [{ userId: target }],
      description: 'move all open tasks',
    });
    expect([...fromA, ...fromB].map(ownerOf)).toEqual([target, target, target]);

    requests = [];
    await undoMove(port, outcome.moved, 'America/Los_Angeles', 'undo');
    expect(fromA.map(ownerOf)).toEqual([a, a]);
    expect(fromB.map(ownerOf)).toEqual([b]);
    expect(requests.filter((r) => r.startsWith('PUT'))).toHaveLength(2);
  });

  it('moves nothing and says so when there is nothing in the slice', async () => {
    const [source, target] = [addRep(), addRep()];
    const outcome = await moveTasks(port, {
      sources: [{ userId: source, timeZone: TOKYO }],
      slice: 'future',
      types: [],
      limit: null,
      targets: [{ userId: target }],
      description: 'move future tasks',
    });
    expect(outcome).toEqual({ moved: [], failed: [] });
    expect(requests.filter((r) => r.startsWith('PUT'))).toHaveLength(0);
  });
});
