/**
 * Bench results for the report's tests: a full run on a known machine in which every section but
 * the one under test was skipped, so a test states only the part it judges.
 */
import type { BenchResults } from './results-schema';

type OptionalSections = Pick<BenchResults, 'sessions' | 'desk' | 'outreach'>;

export function resultsWith(sections: OptionalSections): BenchResults {
  const skipped = { skipped: 'not requested (--only)' };
  return {
    version: 1,
    mode: 'full',
    date: '2025-06-01T12:00:00.000Z',
    seconds: 60,
    machine: { cpu: 'Test CPU', cores: 2, memoryGb: 8, os: 'Linux', node: 'v20', chromium: null },
    inboxQuery: 'view=inbox',
    tzOffset: '-5',
    api: [],
    bulk: skipped,
    browser: skipped,
    bundle: skipped,
    ...sections,
    notes: [],
  };
}
