import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './report';
import { resultsWith } from './results-fixture';
import type { BenchResults, OutreachResult } from './results-schema';

function results(outreach: BenchResults['outreach']): BenchResults {
  return resultsWith({ outreach });
}

const latency = (p50: number) => ({ requests: 30, p50, p99: p50 * 2, mean: p50 * 1.2 });
const measured: OutreachResult = {
  tasks: 100_000,
  tzOffset: '-5',
  firstView: { everyone: { coldMs: 420, warm: latency(35), bytes: 60_000, cards: 12 }, mine: { coldMs: 90, warm: latency(20), bytes: 30_000, cards: 8 } },
  pages: { pageSize: 100, pagesPerRound: 10, rounds: 10, tasksRead: 1_000, first: latency(25), next: latency(18), errors: 0 },
};

describe("the report's Outreach section", () => {
  it('shows the first views and the pages', () => {
    const md = renderMarkdown(results(measured));
    expect(md).toContain('## Outreach');
    expect(md).toMatch(/Everyone's inbox .*\| 420 ms \| 35\.0 ms \/ 70\.0 ms \|/);
    expect(md).toMatch(/\| Next pages \| 18\.0 ms \| 36\.0 ms \|/);
    expect(md).toContain('100,000 more tasks');
  });

  it('says why it was not measured, and leaves results from before it alone', () => {
    expect(renderMarkdown(results({ skipped: 'failed' }))).toContain('## Outreach\n\nNot measured: failed');
    expect(renderMarkdown(results(undefined))).not.toContain('## Outreach');
  });
});
