import { describe, expect, it } from 'vitest';
import { evaluateBudgets, renderMarkdown } from './report';
import { resultsWith } from './results-fixture';
import type { BenchResults, DeskResult } from './results-schema';

function results(desk: BenchResults['desk']): BenchResults {
  return resultsWith({ desk });
}

function desk(writes: number, reads: number): DeskResult {
  return {
    reps: 20,
    tasksPerRep: 2_000,
    openTasks: 40_000,
    concurrency: 6,
    cold: [{ ms: 3_000, requests: 200 }, { ms: 2_500, requests: 200 }, { ms: 4_000, requests: 200 }],
    coldMedianMs: 3_000,
    refresh: { ms: 900, requests: 80 },
    naive: { ms: 9_000, requests: 250 },
    naiveRuns: [{ ms: 9_000, requests: 250 }],
    countsAgree: true,
    limited: { rateLimit: 40, desk: { ms: 6_000, requests: 200 }, naive: { ms: 8_000, requests: 250 } },
    rebalance: { tasks: 1_000, reps: 4, writes, reads, perRep: [250, 250, 250, 250], writeMs: 300, readMs: 100, moved: 1_000 },
  };
}

describe("the manager's desk in the report", () => {
  it('judges the rebalance by its requests, reads included', () => {
    const ok = evaluateBudgets(results(desk(4, 5))).find((v) => v.budget.startsWith('Rebalance'));
    expect(ok).toMatchObject({ pass: true, measured: expect.stringMatching(/^9 \(5 GETs/) });
    expect(evaluateBudgets(results(desk(6, 5))).find((v) => v.budget.startsWith('Rebalance'))?.pass).toBe(false);
    expect(evaluateBudgets(results({ skipped: 'failed' })).find((v) => v.budget.startsWith('Rebalance'))).toMatchObject({ pass: null });
    expect(evaluateBudgets(results(undefined)).some((v) => v.budget.startsWith('Rebalance'))).toBe(false);
  });

  it('shows the desk beside the naive way, with and without the rate limit', () => {
    const md = renderMarkdown(results(desk(4, 5)));
    expect(md).toContain("## The manager's desk");
    expect(md).toContain('| Desk, cold (median of 3: 3000 ms, 2500 ms, 4000 ms) | 3000 ms | 200 | 3.0× |');
    expect(md).toContain('| Desk, refreshed with the last counts as hints | 900 ms | 80 | 10.0× |');
    expect(md).toContain('| Naive, with the rate limit | 8000 ms | 250 | 1.0× |');
    expect(md).toContain('250 / 250 / 250 / 250');
    expect(renderMarkdown(results({ skipped: 'failed' }))).toContain('Not measured: failed');
  });
});
