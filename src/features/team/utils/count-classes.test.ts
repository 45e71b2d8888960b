import { describe, expect, it } from 'vitest';
import { type ClassProbe, countClasses } from './count-classes';

/** A listing of overdue, today and future items in that order, paged like the API, counting probes. */
function listing(counts: readonly number[], pageSize = 200): { probe: ClassProbe; probes: number[] } {
  const classes = counts.flatMap((n, c) => Array.from({ length: n }, () => c));
  const probes: number[] = [];
  return {
    probes,
    probe: async (skip) => {
      probes.push(skip);
      return { classes: classes.slice(skip, skip + pageSize), hasMore: classes.length > skip + pageSize };
    },
  };
}

describe('countClasses', () => {
  it('finds every count, sharing probes between the three searches', async () => {
    const cases: number[][] = [
      [0, 0, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [200, 0, 0], [199, 1, 0], [200, 200, 200], [300, 100, 1_600],
      [0, 0, 2_000], [2_000, 0, 0], [5, 7, 12_345], [1_234, 567, 89], [401, 0, 399], [10_000, 10_000, 100_000],
    ];
    for (const counts of cases) {
      const l = listing(counts);
      expect(await countClasses(l.probe, 3, 200), counts.join()).toEqual(counts);
      const pages = Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / 200));
      expect(l.probes.length, counts.join()).toBeLessThanOrEqual(3 * (2 * Math.ceil(Math.log2(pages)) + 2));
      expect(new Set(l.probes).size, 'no page twice').toBe(l.probes.length);
    }
    const typical = listing([300, 100, 1_600]);
    await countClasses(typical.probe, 3, 200);
    expect(typical.probes.length).toBeLessThanOrEqual(6);
  });

  it('finds random listings exactly', async () => {
    let seed = 17;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const counts = [0, 0, 0].map(() => Math.floor(next() ** 3 * 3_000));
      expect(await countClasses(listing(counts, 50).probe, 3, 50), counts.join()).toEqual(counts);
    }
  });

  it('starts on the hinted pages, needing a few probes when little changed', async () => {
    const same = listing([300, 100, 1_600]);
    expect(await countClasses(same.probe, 3, 200, [300, 100, 1_600])).toEqual([300, 100, 1_600]);
    expect(same.probes).toEqual([200, 400, 1_800]);
    // One task fewer at the end: the hinted last page is now empty, and the one before it decides.
    const l = listing([300, 100, 1_600]);
    expect(await countClasses(l.probe, 3, 200, [301, 99, 1_601])).toEqual([300, 100, 1_600]);
    expect(l.probes).toEqual([200, 400, 2_000, 1_800]);
    const moved = listing([20, 5, 9_000]);
    expect(await countClasses(moved.probe, 3, 200, [3_000, 1_000, 10])).toEqual([20, 5, 9_000]);
  });

  it('starts over when the listing changes under the search', async () => {
    let counts = [5_000, 0, 0];
    let calls = 0;
    const probe: ClassProbe = async (skip) => {
      if (++calls === 3) counts = [300, 0, 0];
      const classes = counts.flatMap((n, c) => Array.from({ length: n }, () => c));
      return { classes: classes.slice(skip, skip + 200), hasMore: classes.length > skip + 200 };
    };
    expect(await countClasses(probe, 3, 200)).toEqual([300, 0, 0]);
  });
});
