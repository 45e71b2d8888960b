// `npm test`: every suite, in order, each run to the end even when an earlier one failed:
// typecheck, lint, unit (vitest), e2e (build + playwright on real Chromium), and the quick bench once
// bench/run.ts exists. Ends with a per-suite summary and the line `N passed, N failed` that CI reads;
// exits 1 when anything failed.
//
//   npm test -- --unit-only [vitest args…]       only vitest (args go to vitest)
//   npm test -- --e2e-only [playwright args…]    only e2e (args go to playwright); --skip-build reuses dist/
//   npm test -- --no-bench                       everything but the bench
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runE2e } from './e2e.mjs';
import { ensurePostgres } from './ensure-postgres.mjs';
import { ROOT, bin, interruption, runCommand } from './run-command.mjs';
import {
  formatSummary,
  readJsonReport,
  resultFromExitCode,
  resultFromVitest,
} from './summarize-results.mjs';

const MINUTE = 60_000;
const FLAGS = new Set(['--unit-only', '--e2e-only', '--no-bench', '--skip-build', '--help']);
const VITEST_REPORT = join(ROOT, 'test-results', 'vitest.json');

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((arg) => FLAGS.has(arg)));
const passThrough = argv.filter((arg) => !FLAGS.has(arg));

if (flags.has('--help')) {
  process.stdout.write(
    'usage: npm test [-- --unit-only [vitest args] | --e2e-only [--skip-build] [playwright args] | --no-bench]\n',
  );
  process.exit(0);
}
if (flags.has('--unit-only') && flags.has('--e2e-only')) {
  process.stderr.write('choose one of --unit-only and --e2e-only\n');
  process.exit(2);
}
const only = flags.has('--unit-only') ? 'unit' : flags.has('--e2e-only') ? 'e2e' : undefined;
if (passThrough.length > 0 && !only) {
  process.stderr.write(
    `unknown arguments: ${passThrough.join(' ')} (extra arguments go with --unit-only or --e2e-only)\n`,
  );
  process.exit(2);
}

function heading(title) {
  process.stdout.write(`\n━━ ${title} ━━\n`);
}

async function typecheck() {
  heading('typecheck: tsc -p tsconfig.json --noEmit');
  const run = await runCommand(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { timeoutMs: 5 * MINUTE });
  return resultFromExitCode('typecheck', run.code);
}

async function lint() {
  heading('lint: eslint .');
  const run = await runCommand(bin('eslint'), ['.'], { timeoutMs: 5 * MINUTE });
  return resultFromExitCode('lint', run.code);
}

async function unit(extraArgs) {
  heading('unit: vitest run');
  // The session store's tests run against a real PostgreSQL: a throwaway cluster needs initdb.
  const postgres = await ensurePostgres();
  if ('error' in postgres) process.stderr.write(`ensure-postgres: ${postgres.error}\n`);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  rmSync(VITEST_REPORT, { force: true });
  const run = await runCommand(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`, ...extraArgs],
    { timeoutMs: 10 * MINUTE },
  );
  return resultFromVitest('unit (vitest)', readJsonReport(VITEST_REPORT), run.code);
}

async function e2e(extraArgs) {
  heading('e2e: vite build, then playwright test');
  return runE2e({ playwrightArgs: extraArgs, skipBuild: flags.has('--skip-build') });
}

async function bench() {
  heading('bench: tsx bench/run.ts --quick');
  const run = await runCommand(bin('tsx'), ['bench/run.ts', '--quick'], { timeoutMs: 10 * MINUTE });
  return resultFromExitCode('bench (quick)', run.code);
}

const suites =
  only === 'unit'
    ? [() => unit(passThrough)]
    : only === 'e2e'
      ? [() => e2e(passThrough)]
      : [
          typecheck,
          lint,
          () => unit([]),
          () => e2e([]),
          ...(existsSync(join(ROOT, 'bench', 'run.ts')) && !flags.has('--no-bench') ? [bench] : []),
        ];

const results = [];
for (const suite of suites) {
  const started = Date.now();
  const result = await suite();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ ...result, note: [result.note, `${seconds} s`].filter(Boolean).join('; ') });
  if (interruption()) {
    process.stderr.write(`\nstopped by ${interruption()}\n`);
    process.exit(130);
  }
}

process.stdout.write(`${formatSummary(results)}\n`);
process.exitCode = results.some((result) => result.failed > 0) ? 1 : 0;
