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
    expect(resultFromVitest('unit', report, 1)).toEqual({
      suite: 'unit',
      passed: 7,
      failed: 2,
      skipped: 1,
      failures: [],
    });
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

  it('names failed tests by file and full name', () => {
    const report = {
      numPassedTests: 0,
      numFailedTests: 1,
      testResults: [
        {
          name: '/repo/src/lib/a.test.ts',
          status: 'failed',
          assertionResults: [{ status: 'failed', fullName: 'a adds' }],
        },
      ],
    };
    expect(resultFromVitest('unit', report, 1).failures).toEqual(['src/lib/a.test.ts › a adds']);
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
      failures: [],
    });
  });

  it('names each failed test with the first line of its error', () => {
    const report = {
      stats: { expected: 1, unexpected: 1, flaky: 0, skipped: 0 },
      errors: [],
      suites: [
        {
          file: 'inbox.spec.ts',
          specs: [],
          suites: [
            {
              specs: [
                {
                  title: 'completes a task',
                  line: 12,
                  tests: [
                    {
                      status: 'unexpected',
                      results: [{ error: { message: '\u001b[31mError: expect(locator).toBeHidden()\u001b[39m\n\nLocator: …' } }],
                    },
                  ],
                },
                { title: 'passes', line: 30, tests: [{ status: 'expected', results: [{}] }] },
              ],
            },
          ],
        },
      ],
    };
    const result = resultFromPlaywright('e2e', report, 1);
    expect(result.failures).toEqual(['inbox.spec.ts:12 completes a task — Error: expect(locator).toBeHidden()']);
    const summary = formatSummary([result]).split('\n');
    expect(summary).toContain('  ✘ e2e: inbox.spec.ts:12 completes a task — Error: expect(locator).toBeHidden()');
    expect(summary.at(-1)).toBe('1 passed, 1 failed');
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
