import { describe, expect, it } from 'vitest';
import { describeMove, loadBalancedShares, previewCounts, sliceCount, undoGroups } from './move-plan';

describe('loadBalancedShares', () => {
  it('fills the least loaded first, so the loads end even', () => {
    const shares = loadBalancedShares(15, [
      { userId: 'a', load: 0 },
      { userId: 'b', load: 10 },
      { userId: 'c', load: 20 },
    ]);
    expect(shares).toEqual([
      { userId: 'a', count: 13 },
      { userId: 'b', count: 2 },
      { userId: 'c', count: 0 },
    ]);
  });

  it('splits evenly over equal loads, the remainder to the earlier', () => {
    expect(loadBalancedShares(200, ['a', 'b', 'c'].map((userId) => ({ userId, load: 5 }))).map((s) => s.count)).toEqual([67, 67, 66]);
  });

  it('always sums to the total, whatever the loads', () => {
    for (const total of [0, 1, 7, 999]) {
      const shares = loadBalancedShares(total, [
        { userId: 'a', load: 3 },
        { userId: 'b', load: 400 },
        { userId: 'c', load: 0 },
        { userId: 'd', load: 3 },
      ]);
      expect(shares.reduce((s, x) => s + x.count, 0)).toBe(total);
    }
  });

  it('gives nothing without targets', () => {
    expect(loadBalancedShares(10, [])).toEqual([]);
  });
});

describe('undoGroups', () => {
  it('groups the moved tasks by previous owner', () => {
    expect(
      undoGroups([
        { id: 't1', from: 'a', to: 'x' },
        { id: 't2', from: 'b', to: 'x' },
        { id: 't3', from: 'a', to: 'y' },
      ]),
    ).toEqual([
      { assignedTo: 'a', ids: ['t1', 't3'] },
      { assignedTo: 'b', ids: ['t2'] },
    ]);
  });
});

describe('describeMove', () => {
  it('says what moved to whom', () => {
    expect(describeMove([{ name: 'Maya', count: 67 }, { name: 'Jonas', count: 67 }, { name: 'Priya', count: 66 }])).toBe(
      'Moved 200 tasks: Maya 67, Jonas 67, Priya 66',
    );
    expect(describeMove([{ name: 'Maya', count: 1 }, { name: 'Jonas', count: 0 }])).toBe('Moved 1 task: Maya 1');
    expect(describeMove([])).toBe('Moved no tasks');
  });
});

describe('previewCounts and sliceCount', () => {
  it('shows sources losing and targets gaining', () => {
    const open = new Map([
      ['src', 250],
      ['a', 10],
    ]);
    expect(previewCounts(open, [{ userId: 'src', count: 200 }], [{ userId: 'a', count: 120 }, { userId: 'b', count: 80 }])).toEqual([
      { userId: 'src', before: 250, change: -200, after: 50 },
      { userId: 'a', before: 10, change: 120, after: 130 },
      { userId: 'b', before: 0, change: 80, after: 80 },
    ]);
  });

  it('counts a slice from a rep’s counts', () => {
    const counts = { overdue: 3, today: 2, future: 5 };
    expect(sliceCount(counts, 'today')).toBe(2);
    expect(sliceCount(counts, 'open')).toBe(10);
  });
});
