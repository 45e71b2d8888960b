import { describe, expect, it } from 'vitest';
import {
  formatSummary,
  resultFromExitCode,
  resultFromPlaywright,
  resultFromVitest,
  totalLine,
} from './summarize-results.mjs';

describe('resultFromVitest', () => {
  it('takes the passed and failed counts from the report', () => {
    const report = { numPassedTests: 7, numFailedTests: 2, numPendingTests: 1, numTodoTests: 0, testResults: [] };
    expect(resultFromVitest('unit', report, 1)).toEqual({ suite: 'unit', passed: 7, failed: 2, skipped: 1 });
  });

  it('counts a test file that failed to load as one failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { name: '/repo/src/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] },
        { name: '/repo/src/broken.test.ts', status: 'failed', assertionResults: [] },
      ],
    };
    const result = resultFromVitest('unit', report, 1);
    expect(result.failed).toBe(1);
    expect(result.note).toContain('broken.test.ts');
  });

  it('counts a failing exit with no failing test as one failure', () => {
    const report = { numPassedTests: 3, numFailedTests: 0, testResults: [] };
    expect(resultFromVitest('unit', report, 1)).toMatchObject({ passed: 3, failed: 1 });
  });

  it('counts a run that wrote no report as one failure', () => {
    expect(resultFromVitest('unit', undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
});

describe('resultFromPlaywright', () => {
  it('counts expected and flaky as passed, unexpected as failed', () => {
    const report = { stats: { expected: 4, unexpected: 1, flaky: 2, skipped: 1 }, errors: [] };
    expect(resultFromPlaywright('e2e', report, 1)).toEqual({
      suite: 'e2e',
      passed: 6,
      failed: 1,
      skipped: 1,
      flaky: 2,
    });
  });

  it('counts an error outside the tests as one failure', () => {
    const report = {
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: 'Error: dist/index.html is missing\n    at …' }],
    };
    const result = resultFromPlaywright('e2e', report, 1);
    expect(result.failed).toBe(1);
    expect(result.note).toContain('dist/index.html is missing');
  });

  it('counts a run that wrote no report as one failure', () => {
    expect(resultFromPlaywright('e2e', undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
  });
});

describe('summary', () => {
  const results = [
    resultFromExitCode('typecheck', 0),
    resultFromExitCode('lint', 2),
    { suite: 'unit', passed: 10, failed: 0 },
  ];

  it('ends with the total line CI reads', () => {
    const lines = formatSummary(results).split('\n');
    expect(lines.at(-1)).toBe('11 passed, 1 failed');
    expect(totalLine(results)).toBe('11 passed, 1 failed');
  });

  it('words per-suite lines so that only the last line looks like a total', () => {
    const lines = formatSummary(results).split('\n');
    const totalLike = lines.filter((line) => /\d+ passed, \d+ failed/.test(line));
    expect(totalLike).toEqual(['11 passed, 1 failed']);
  });
});
