// `npm run test:e2e [-- --skip-build] [playwright args…]`: find (or install) Chromium, build the app
// once, then run Playwright against real servers that e2e/fixtures.ts starts per worker.
// scripts/test.mjs runs the same pipeline through runE2e().
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ROOT, bin, runCommand } from './run-command.mjs';
import { formatSummary, readJsonReport, resultFromPlaywright } from './summarize-results.mjs';

// Same path as the json reporter's outputFile in playwright.config.ts.
export const PLAYWRIGHT_REPORT = join(ROOT, 'test-results', 'playwright.json');

const MINUTE = 60_000;

/**
 * @param {{ suite?: string, playwrightArgs?: string[], skipBuild?: boolean }} [options]
 * @returns {Promise<import('./summarize-results.mjs').SuiteResult>}
 */
export async function runE2e({ suite = 'e2e (playwright)', playwrightArgs = [], skipBuild = false } = {}) {
  const chromium = await ensureChromium();
  if ('error' in chromium) {
    process.stderr.write(`${chromium.error}\n`);
    return { suite, passed: 0, failed: 1, note: 'no Chromium' };
  }
  process.stdout.write(`Chromium: ${chromium.version} at ${chromium.path}\n`);

  if (!skipBuild) {
    const build = await runCommand(process.execPath, [join(ROOT, 'scripts', 'build-app.mjs')], { timeoutMs: 5 * MINUTE });
    if (build.code !== 0) return { suite, passed: 0, failed: 1, note: 'vite build failed' };
  }

  rmSync(PLAYWRIGHT_REPORT, { force: true });
  const run = await runCommand(bin('playwright'), ['test', ...playwrightArgs], {
    env: { CHROME_PATH: chromium.path },
    timeoutMs: 15 * MINUTE,
  });
  const result = resultFromPlaywright(suite, readJsonReport(PLAYWRIGHT_REPORT), run.code);
  return run.timedOut ? { ...result, failed: Math.max(result.failed, 1), note: 'ran out of time' } : result;
}

const isCli = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isCli) {
  const args = process.argv.slice(2);
  const result = await runE2e({
    skipBuild: args.includes('--skip-build'),
    playwrightArgs: args.filter((arg) => arg !== '--skip-build'),
  });
  process.stdout.write(`${formatSummary([result])}\n`);
  process.exitCode = result.failed > 0 ? 1 : 0;
}
