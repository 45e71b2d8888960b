import { describe, expect, it } from 'vitest';
import { evaluateBudgets, renderMarkdown } from './report';
import { resultsWith } from './results-fixture';
import type { BenchResults, SessionStoreResult } from './results-schema';

function store(name: 'sqlite' | 'postgres', pollP99: number, rps: number, errors = 0): SessionStoreResult {
  const latency = (p50: number) => ({ requests: 500, p50, p99: p50 * 3, mean: p50 });
  const load = (r: number) => ({ connections: 10, requests: r * 5, seconds: 5, rps: r, p50: 4, p99: 12 });
  return {
    store: name,
    signIn: { people: 200, p50: 20, p99: 60, errors: 0 },
    polling: { people: 200, seconds: 60, intervalMs: 1000, requests: 12_000, p50: 4, p99: pollP99, errors, errorKinds: errors ? { '502': errors } : {} },
    crossedAnswers: 0,
    lookup: { withoutSession: latency(1.2), withSession: latency(1.5), costP50Ms: 0.3 },
    storeLookup: latency(0.05),
    throughput: { withSessions: load(rps), withoutSession: load(rps + 100), direct: load(rps + 200), limit: load(8_000), errors: 0 },
  };
}

function results(sessions: BenchResults['sessions']): BenchResults {
  return resultsWith({ sessions });
}

describe('the signed-in people in the report', () => {
  it('judges each store: polling p99 with no errors, and throughput against the limit', () => {
    const verdicts = evaluateBudgets(
      results({ people: 200, request: 'GET /api/v1/task/', stores: [store('sqlite', 30, 5_000), store('postgres', 80, 3_000, 2)] }),
    ).filter((v) => /signed-in|sessions/.test(v.budget));
    expect(verdicts.map((v) => [v.budget, v.pass])).toEqual([
      ['200 signed-in people polling, p99 (no errors), sqlite', true],
      ['Throughput with sessions vs the limit, sqlite', true],
      ['200 signed-in people polling, p99 (no errors), postgres', false],
      ['Throughput with sessions vs the limit, postgres', false],
    ]);
    expect(verdicts[2]!.measured).toContain('2 errors [502: 2]');
  });

  it('renders a table row per store, and says why a store was not measured', () => {
    const md = renderMarkdown(
      results({ people: 200, request: 'GET /api/v1/task/', stores: [store('sqlite', 30, 5_000), { store: 'postgres', skipped: 'no PostgreSQL' }] }),
    );
    expect(md).toContain('## Signed-in people');
    expect(md).toMatch(/\| sqlite \| 20\.0 ms \/ 60\.0 ms \| 4\.00 ms \/ 30\.0 ms \| 12,000 \| 0 \/ 0 \| 0\.30 ms/);
    expect(md).toContain('| postgres | not measured: no PostgreSQL |');
  });

  it('leaves results from before sessions as they were', () => {
    const verdicts = evaluateBudgets(results(undefined));
    expect(verdicts.some((v) => /signed-in/i.test(v.budget))).toBe(false);
    expect(renderMarkdown(results(undefined))).not.toContain('Signed-in people');
    expect(evaluateBudgets(results({ skipped: 'failed' })).find((v) => /signed-in/i.test(v.budget))).toMatchObject({ pass: null, note: 'failed' });
  });
});
