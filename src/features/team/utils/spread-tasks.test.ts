import { describe, expect, it } from 'vitest';
import { IDS_PER_REQUEST, SpreadError, chunkForRequests, inverseLoadWeights, planSpread, spreadCounts } from './spread-tasks';

const ids = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('spreadCounts', () => {
  it('splits evenly, the first targets taking the remainder', () => {
    expect(spreadCounts(200, [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }])).toEqual([67, 67, 66]);
    expect(spreadCounts(10, [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }, { userId: 'd' }])).toEqual([3, 3, 2, 2]);
    expect(spreadCounts(2, [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }])).toEqual([1, 1, 0]);
    expect(spreadCounts(0, [{ userId: 'a' }, { userId: 'b' }])).toEqual([0, 0]);
  });

  it('follows weights with the largest remainders, and a weight of 0 gets nothing', () => {
    expect(spreadCounts(100, [{ userId: 'a', weight: 3 }, { userId: 'b', weight: 1 }])).toEqual([75, 25]);
    expect(spreadCounts(10, [{ userId: 'a', weight: 1 }, { userId: 'b', weight: 1 }, { userId: 'c', weight: 1 }])).toEqual([4, 3, 3]);
    expect(spreadCounts(7, [{ userId: 'a', weight: 0 }, { userId: 'b', weight: 2 }, { userId: 'c', weight: 1 }])).toEqual([0, 5, 2]);
    // Fractions that do not add up in floating point still sum to the total.
    for (const total of [1, 3, 99, 1000, 1001]) {
      const counts = spreadCounts(total, [0.1, 0.2, 0.3, 1 / 3, 1 / 7].map((weight, i) => ({ userId: `u${i}`, weight })));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('refuses no targets, a rep listed twice, bad weights and all-zero weights', () => {
    expect(() => spreadCounts(5, [])).toThrow(SpreadError);
    expect(() => spreadCounts(5, [{ userId: 'a' }, { userId: 'a' }])).toThrow(/twice/);
    expect(() => spreadCounts(5, [{ userId: 'a', weight: -1 }])).toThrow(/weight/);
    expect(() => spreadCounts(5, [{ userId: 'a', weight: Number.NaN }])).toThrow(/weight/);
    expect(() => spreadCounts(5, [{ userId: 'a', weight: 0 }, { userId: 'b', weight: 0 }])).toThrow(/weight 0/);
  });
});

describe('planSpread', () => {
  it('gives every task to exactly one target, in the counts of spreadCounts', () => {
    const tasks = ids(200);
    const plan = planSpread(tasks, [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }]);
    expect(plan.map((g) => g.userId)).toEqual(['a', 'b', 'c']);
    expect(plan.map((g) => g.taskIds.length)).toEqual([67, 67, 66]);
    expect(plan.flatMap((g) => g.taskIds).sort()).toEqual([...tasks].sort());
  });

  it("deals the tasks in turn, so the oldest are not all one rep's", () => {
    const plan = planSpread(ids(6), [{ userId: 'a' }, { userId: 'b' }, { userId: 'c' }]);
    expect(plan).toEqual([
      { userId: 'a', taskIds: ['t0', 't3'] },
      { userId: 'b', taskIds: ['t1', 't4'] },
      { userId: 'c', taskIds: ['t2', 't5'] },
    ]);
    const weighted = planSpread(ids(4), [{ userId: 'a', weight: 3 }, { userId: 'b', weight: 1 }]);
    expect(weighted).toEqual([
      { userId: 'a', taskIds: ['t0', 't1', 't3'] },
      { userId: 'b', taskIds: ['t2'] },
    ]);
  });

  it('is deterministic and drops duplicate ids', () => {
    const targets = [{ userId: 'a', weight: 2 }, { userId: 'b', weight: 5 }, { userId: 'c', weight: 1 }];
    expect(planSpread(ids(101), targets)).toEqual(planSpread(ids(101), targets));
    const plan = planSpread(['x', 'y', 'x', 'z'], [{ userId: 'a' }, { userId: 'b' }]);
    expect(plan.flatMap((g) => g.taskIds).sort()).toEqual(['x', 'y', 'z']);
  });

  it('favours a rep with no tasks when weighted by the inverse of the load', () => {
    const targets = inverseLoadWeights([
      { userId: 'busy', load: 99 },
      { userId: 'idle', load: 0 },
      { userId: 'some', load: 9 },
    ]);
    const plan = planSpread(ids(111), targets);
    const counts = Object.fromEntries(plan.map((g) => [g.userId, g.taskIds.length]));
    expect(counts).toEqual({ busy: 1, idle: 100, some: 10 });
  });

  it('has nothing to give with no tasks, and refuses no targets', () => {
    expect(planSpread([], [{ userId: 'a' }])).toEqual([{ userId: 'a', taskIds: [] }]);
    expect(() => planSpread(ids(3), [])).toThrow(SpreadError);
  });
});

describe('chunkForRequests', () => {
  it('cuts each group into id__in lists the API takes, skipping empty groups', () => {
    const plan = planSpread(ids(2_500), [{ userId: 'a', weight: 4 }, { userId: 'b', weight: 1 }, { userId: 'c', weight: 0 }]);
    const chunks = chunkForRequests(plan);
    expect(chunks.map((c) => [c.userId, c.taskIds.length])).toEqual([
      ['a', 1_000],
      ['a', 1_000],
      ['b', 500],
    ]);
    expect(chunks.every((c) => c.taskIds.length <= IDS_PER_REQUEST)).toBe(true);
    expect(chunkForRequests(plan, 300).length).toBe(7 + 2);
  });

  it('moves 1,000 tasks over 4 reps in 4 requests', () => {
    const chunks = chunkForRequests(planSpread(ids(1_000), ['a', 'b', 'c', 'd'].map((userId) => ({ userId }))));
    expect(chunks).toHaveLength(4);
    expect(() => chunkForRequests([], 0)).toThrow(SpreadError);
  });
});
