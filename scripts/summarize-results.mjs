// Turns each suite's outcome into passed/failed counts and prints the summary that ends `npm test`.
// The last line, `N passed, N failed`, is what CI reads, so no suite may be lost between the cracks:
// a suite that ends badly without reporting a failure still counts one.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {{ suite: string, passed: number, failed: number, skipped?: number, flaky?: number, note?: string, failures?: string[] }} SuiteResult
 */

/** @returns {unknown} the parsed file, or undefined when it is missing or not JSON (a crashed run). */
export function readJsonReport(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A suite judged by its exit code alone (typecheck, lint, bench) counts as one test. */
export function resultFromExitCode(suite, exitCode) {
  return exitCode === 0 ? { suite, passed: 1, failed: 0 } : { suite, passed: 0, failed: 1 };
}

function crashed(suite, exitCode) {
  return { suite, passed: 0, failed: 1, note: `ended with exit ${exitCode} before writing its report` };
}

/**
 * Vitest's JSON reporter (Jest's shape). A test file that fails to load has status "failed" with no
 * failed test in it; it counts as one failure so a broken import cannot hide its tests.
 * @returns {SuiteResult}
 */
export function resultFromVitest(suite, report, exitCode) {
  if (!report || typeof report !== 'object' || typeof report.numPassedTests !== 'number') {
    return crashed(suite, exitCode);
  }
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const brokenFiles = files.filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((assertion) => assertion.status === 'failed'),
  );
  let failed = report.numFailedTests + brokenFiles.length;
  const notes = brokenFiles.map((file) => `${file.name} failed to run`);
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exited ${exitCode} with no failing test (an unhandled error?)`);
  }
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return {
    suite,
    passed: report.numPassedTests,
    failed,
    skipped,
    failures: failedVitestTests(report),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

/**
 * Playwright's JSON reporter: stats.expected passed, stats.unexpected failed, stats.flaky passed on a
 * retry (counted as passed, and shown). Errors outside tests (config, a fixture that cannot start,
 * no tests found) leave stats at zero, so a non-zero exit without failures counts one.
 * @returns {SuiteResult}
 */
export function resultFromPlaywright(suite, report, exitCode) {
  const stats = report && typeof report === 'object' ? report.stats : undefined;
  if (!stats || typeof stats.expected !== 'number') return crashed(suite, exitCode);
  let failed = stats.unexpected ?? 0;
  const notes = [];
  const errors = Array.isArray(report.errors) ? report.errors : [];
  if ((exitCode !== 0 || errors.length > 0) && failed === 0) {
    failed = 1;
    const first = errors[0]?.message?.split('\n')[0];
    notes.push(first ? `error outside tests: ${first}` : `playwright exited ${exitCode} with no failing test`);
  }
  return {
    suite,
    passed: stats.expected + (stats.flaky ?? 0),
    failed,
    skipped: stats.skipped ?? 0,
    flaky: stats.flaky ?? 0,
    failures: failedPlaywrightTests(report),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

/**
 * Titles of the failed tests, so the tail of a CI log (often all that is kept) says what failed.
 * Playwright: specs whose outcome is 'unexpected', with the first line of the last error.
 * @returns {string[]}
 */
export function failedPlaywrightTests(report) {
  const failures = [];
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.[test.results.length - 1];
        const message = last?.error?.message ?? last?.errors?.[0]?.message ?? '';
        const firstLine = stripAnsi(message).split('\n').find((line) => line.trim()) ?? '';
        failures.push(`${spec.file ?? file}:${spec.line} ${spec.title}${firstLine ? ` — ${firstLine.trim().slice(0, 160)}` : ''}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.file ?? file);
  };
  for (const suite of (report && Array.isArray(report.suites) ? report.suites : [])) walk(suite, suite.file);
  return failures;
}

/** Vitest (Jest shape): failed assertions by full name and file. @returns {string[]} */
export function failedVitestTests(report) {
  const files = report && Array.isArray(report.testResults) ? report.testResults : [];
  return files.flatMap((file) =>
    (file.assertionResults ?? [])
      .filter((assertion) => assertion.status === 'failed')
      .map((assertion) => `${relativeName(file.name)} › ${assertion.fullName}`),
  );
}

function relativeName(name) {
  const at = String(name).lastIndexOf('/src/');
  return at >= 0 ? String(name).slice(at + 1) : String(name);
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function stripAnsi(text) {
  return String(text).replace(ANSI_COLOUR, '');
}

/** The closing line CI reads; nothing may print after it. */
export function totalLine(results) {
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  return `${passed} passed, ${failed} failed`;
}

/**
 * Per-suite lines are worded `passed 3 / failed 0` on purpose: only the last line may look like
 * `N passed, N failed`, so a reader of the log cannot take a suite's count for the total.
 */
export function formatSummary(results) {
  const width = Math.max(...results.map((result) => result.suite.length), 5);
  const lines = ['', 'Summary'];
  for (const result of results) {
    const verdict = result.failed > 0 ? 'FAIL' : 'ok  ';
    const extras = [
      result.skipped ? `skipped ${result.skipped}` : '',
      result.flaky ? `flaky ${result.flaky}` : '',
      result.note ?? '',
    ].filter(Boolean);
    lines.push(
      `  ${verdict} ${result.suite.padEnd(width)}  passed ${result.passed} / failed ${result.failed}` +
        (extras.length ? `  (${extras.join('; ')})` : ''),
    );
  }
  const failures = results.flatMap((result) => (result.failures ?? []).map((title) => `${result.suite}: ${title}`));
  if (failures.length > 0) {
    lines.push('', 'Failed');
    for (const failure of failures.slice(0, 20)) lines.push(`  ✘ ${failure}`);
    if (failures.length > 20) lines.push(`  … and ${failures.length - 20} more`);
  }
  lines.push(totalLine(results));
  return lines.join('\n');
}
