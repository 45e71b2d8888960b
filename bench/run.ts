/**
 * `npm run bench`: Triage next to what a user would pick instead and next to the physical limit,
 * in one run on one machine, so the ratios hold even when the machine is noisy.
 *
 *   npm run bench                 full run (1k/10k/100k tasks, ~10 min); writes bench/results/latest.{json,md}
 *   npm run bench -- --quick      small sizes, short runs (< 2 min; CI); writes test-results/bench-quick.{json,md}
 *   options: --skip-build (measure dist/ as it is), --only=api,bulk,browser,bundle,sessions,desk,outreach, --sizes=1000,100000,
 *            --out=<dir> (a partial run should not overwrite bench/results)
 *
 * Timings are reported, never asserted. The exit code is 1 when the harness itself broke, or when the
 * initial JS is over its budget (the size check, which CI enforces); otherwise 0.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/ensure-chromium.mjs';
import { type LoadSettings, type LoadTarget, fetchOnce, measureTargets } from './api-load';
import { measureBrowser } from './browser';
import { measureBulk } from './bulk';
import { deskPlan, measureDesk } from './desk';
import { measureOutreach, outreachPlan } from './outreach';
import { buildApp, freshDist, measureBundle } from './bundle-size';
import { writeJsonServerFixture } from './json-server-fixture';
import { describeMachine } from './machine';
import { ROOT, TSX, childEnv, cleanUp, cleanUpOnSignals, makeTempDir, removeTempDir, startChild } from './processes';
import { BUDGETS, evaluateBudgets, formatCount, formatKb, renderMarkdown } from './report';
import type { ApiSizeResult, BenchResults, BrowserResult, BulkResult, BundleResult, DeskResult, OutreachResult, SessionsResult, Skipped, TargetResult } from './results-schema';
import { measureSessions, sessionsPlan } from './sessions';
import { BASIC_AUTH, seedDatabase, serverPartsExist, startTriageServer } from './triage-server';

const PARTS = ['api', 'bulk', 'browser', 'bundle', 'sessions', 'desk', 'outreach'] as const;
type Part = (typeof PARTS)[number];

const INBOX_QUERY = 'view=inbox&_type=all&_order_by=date&_limit=100';
const JSON_SERVER_QUERY = '/tasks?is_complete=false&_sort=date&_order=asc&_limit=100';
/** America/New_York in winter: the demo manager's zone, as the browser would send it. */
const TZ_OFFSET = '-5';

type Plan = {
  mode: 'full' | 'quick';
  sizes: number[];
  load: LoadSettings;
  /** The load is split into this many rounds, taking the targets in turn. */
  rounds: number;
  bulk: { onSize: number; count: number };
  browser: { onSize: number; coldRuns: number; completeActions: number; loadTarget: number };
  deadlineMs: number;
};

function planFor(quick: boolean, started: number): Plan {
  if (quick) {
    return {
      mode: 'quick',
      sizes: [1_000, 5_000],
      load: { warmupSeconds: 0.5, latencySeconds: 0.7, latencyMaxRequests: 2_000, loadSeconds: 1, loadMaxRequests: 50_000, connections: 10 },
      rounds: 1,
      bulk: { onSize: 1_000, count: 1_000 },
      browser: { onSize: 5_000, coldRuns: 2, completeActions: 8, loadTarget: 500 },
      deadlineMs: started + 4 * 60_000,
    };
  }
  return {
    mode: 'full',
    sizes: [1_000, 10_000, 100_000],
    load: { warmupSeconds: 1, latencySeconds: 6, latencyMaxRequests: 10_000, loadSeconds: 9, loadMaxRequests: 300_000, connections: 10 },
    rounds: 3,
    bulk: { onSize: 10_000, count: 5_000 },
    browser: { onSize: 100_000, coldRuns: 7, completeActions: 20, loadTarget: 10_000 },
    deadlineMs: started + 25 * 60_000,
  };
}

const processStarted = Date.now();
function log(line: string): void {
  const at = `[${((Date.now() - processStarted) / 1000).toFixed(0).padStart(3)} s]`;
  process.stdout.write(line.startsWith('\n') ? `\n${at} ${line.slice(1)}\n` : `${at} ${line}\n`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      sizes: { type: 'string' },
    },
    allowPositionals: false,
  });
  const only = new Set<Part>();
  for (const name of (values.only ?? PARTS.join(',')).split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(PARTS as readonly string[]).includes(name)) throw new Error(`--only takes ${PARTS.join(', ')}; got ${JSON.stringify(name)}`);
    only.add(name as Part);
  }
  const startedAt = Date.now();
  const plan = planFor(values.quick, startedAt);
  if (values.sizes) {
    plan.sizes = values.sizes.split(',').map((s) => Number(s.replace(/_/g, '')));
    if (plan.sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes takes task counts, e.g. --sizes=1000,100000; got ${values.sizes}`);
    if (!plan.sizes.includes(plan.bulk.onSize)) plan.bulk.onSize = plan.sizes[0]!;
    if (!plan.sizes.includes(plan.browser.onSize)) plan.browser.onSize = plan.sizes.at(-1)!;
  }
  const outDir = values.out ?? join(ROOT, plan.mode === 'full' ? 'bench/results' : 'test-results');
  const outName = plan.mode === 'full' ? 'latest' : 'bench-quick';
  cleanUpOnSignals();

  const notes: string[] = [];
  let broken = false;
  const fail = (part: string, error: unknown) => {
    broken = true;
    notes.push(`${part} failed: ${messageOf(error).split('\n')[0]}`);
    process.stderr.write(`bench: ${part} failed: ${messageOf(error)}\n`);
  };
  log(`bench: ${plan.mode} run, parts ${[...only].join(', ')}`);

  // The bundle first: the browser part serves this very build.
  let bundle: BundleResult | Skipped = { skipped: 'not requested (--only)' };
  let staticDir: string | null = null;
  if (only.has('bundle') || only.has('browser') || only.has('outreach')) {
    try {
      const reusable = values['skip-build'] || plan.mode === 'quick' ? freshDist() : null;
      if (values['skip-build'] && !reusable) throw new Error('--skip-build, but dist/ is missing or older than the sources');
      if (reusable) {
        staticDir = reusable;
        log('bundle: measuring dist/ (newer than every source file)');
      } else {
        staticDir = join(makeTempDir('triage-bench-build-'), 'dist');
        log('bundle: vite build --manifest …');
        const t = Date.now();
        await buildApp(staticDir);
        log(`bundle: built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      }
      if (only.has('bundle')) {
        bundle = measureBundle(staticDir, !reusable);
        log(`bundle: initial JS ${formatKb(bundle.initialJs.raw)} raw, ${formatKb(bundle.initialJs.gzip)} gzip; CSS ${formatKb(bundle.initialCss.gzip)} gzip`);
      }
    } catch (error) {
      fail('bundle', error);
      bundle = { skipped: 'the build failed' };
    }
  }

  const chromium = findChromium();
  const chromePath = 'error' in chromium ? null : chromium.path;
  const api: ApiSizeResult[] = [];
  let bulk: BulkResult | Skipped = { skipped: only.has('bulk') ? 'not run' : 'not requested (--only)' };
  let browser: BrowserResult | Skipped = { skipped: only.has('browser') ? 'not run' : 'not requested (--only)' };

  const needServer = only.has('api') || only.has('bulk') || only.has('browser');
  const parts = serverPartsExist();
  if (needServer && !parts.ok) {
    fail('server', new Error(`${parts.missing} does not exist yet`));
  } else if (needServer) {
    const sizes = plan.sizes.filter((n) => only.has('api') || (only.has('bulk') && n === plan.bulk.onSize) || (only.has('browser') && n === plan.browser.onSize));
    for (const size of sizes) {
      if (Date.now() > plan.deadlineMs) {
        fail(`${formatCount(size)} tasks`, new Error('the run is out of time'));
        break;
      }
      const dataDir = makeTempDir('triage-bench-data-');
      try {
        log(`\n${formatCount(size)} tasks: seeding …`);
        const t = Date.now();
        await seedDatabase(dataDir, size);
        log(`${formatCount(size)} tasks: seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        const server = await startTriageServer(dataDir, staticDir);
        try {
          if (only.has('api')) {
            try {
              api.push(await measureApiSize(size, server.appUrl, server.apiUrl, join(dataDir, 'triage.db'), plan.load, plan.rounds));
            } catch (error) {
              fail(`API at ${formatCount(size)} tasks`, error);
            }
          }
          if (only.has('bulk') && size === plan.bulk.onSize) {
            try {
              log(`bulk: reassigning ${formatCount(plan.bulk.count)} tasks …`);
              bulk = await measureBulk({
                dbFile: join(dataDir, 'triage.db'),
                appUrl: server.appUrl,
                apiUrl: server.apiUrl,
                count: plan.bulk.count,
                tzOffset: TZ_OFFSET,
                deadlineMs: plan.deadlineMs,
              });
              log(`bulk: 1 filtered PUT ${bulk.filter.ms} ms; ${formatCount(bulk.perTask.requests)} PUTs one by one ${bulk.perTask.ms} ms`);
            } catch (error) {
              fail('bulk', error);
              bulk = { skipped: 'failed' };
            }
          }
          if (only.has('browser') && size === plan.browser.onSize) {
            if (!chromePath) browser = { skipped: `no Chromium: ${'error' in chromium ? chromium.error : ''}` };
            else if (!staticDir) browser = { skipped: 'no build of the app to serve' };
            else {
              try {
                log(`browser: ${formatCount(size)} tasks …`);
                const measured = await measureBrowser({
                  appUrl: server.appUrl,
                  chromePath,
                  tasks: size,
                  ...plan.browser,
                  deadlineMs: Math.min(plan.deadlineMs, Date.now() + (plan.mode === 'quick' ? 60_000 : 6 * 60_000)),
                  log,
                });
                browser = measured.result;
                const distinct = [...new Set(measured.errors)];
                if (distinct.length) notes.push(`The page logged ${distinct.length} distinct error(s) during the browser part, e.g. ${distinct[0]!.slice(0, 200)}`);
              } catch (error) {
                fail('browser', error);
                browser = { skipped: 'failed' };
              }
            }
          }
        } finally {
          await server.stop();
        }
      } catch (error) {
        fail(`${formatCount(size)} tasks`, error);
      } finally {
        removeTempDir(dataDir);
      }
    }
  }

  // Signed-in people: a server of its own per session store, after the sizes (issue 14).
  let sessions: SessionsResult | Skipped = { skipped: 'not requested (--only)' };
  if (only.has('sessions')) {
    if (!parts.ok) sessions = { skipped: `${parts.missing} does not exist yet` };
    else {
      try {
        sessions = await measureSessions({ plan: sessionsPlan(plan.mode === 'quick'), deadlineMs: plan.deadlineMs, log });
      } catch (error) {
        fail('sessions', error);
        sessions = { skipped: 'failed' };
      }
    }
  }

  // The manager's desk: a team of its own, on a server of its own (issue 17).
  let desk: DeskResult | Skipped = { skipped: 'not requested (--only)' };
  if (only.has('desk')) {
    if (!parts.ok) desk = { skipped: `${parts.missing} does not exist yet` };
    else {
      try {
        desk = await measureDesk({ plan: deskPlan(plan.mode === 'quick'), log });
      } catch (error) {
        fail('desk', error);
        desk = { skipped: 'failed' };
      }
    }
  }

  // The Outreach inbox: its own stand-in and server, on BACKEND=outreach-demo (issue 18).
  let outreach: OutreachResult | Skipped = { skipped: 'not requested (--only)' };
  if (only.has('outreach')) {
    if (!parts.ok) outreach = { skipped: `${parts.missing} does not exist yet` };
    else {
      try {
        outreach = await measureOutreach({ plan: outreachPlan(plan.mode === 'quick'), staticDir, log });
      } catch (error) {
        fail('outreach', error);
        outreach = { skipped: 'failed' };
      }
    }
  }

  const results: BenchResults = {
    version: 1,
    mode: plan.mode,
    date: new Date(startedAt).toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 1000),
    machine: describeMachine(chromePath),
    inboxQuery: INBOX_QUERY,
    tzOffset: TZ_OFFSET,
    api,
    bulk,
    browser,
    bundle,
    sessions,
    desk,
    outreach,
    notes: [
      'json-server has no views or time zones: its query returns open tasks sorted by the date string, not the inbox as of the user\'s day.',
      'Close\'s reassignment script is run sequentially, as it is written, straight against the embedded API with no rate limit; against Close (rate-limited per key) it would take longer still.',
      ...notes,
    ],
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${outName}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(join(outDir, `${outName}.md`), markdown);
  process.stdout.write(`\n${markdown}\n`);
  log(`bench: wrote ${join(outDir, `${outName}.json`)} and ${outName}.md in ${results.seconds} s`);

  const overBudget = 'initialJs' in bundle && bundle.initialJs.gzip > BUDGETS.initialJsGzip;
  if (overBudget) process.stderr.write(`bench: the initial JS is over its budget of ${formatKb(BUDGETS.initialJsGzip)} gzip (see the table above)\n`);
  const missed = evaluateBudgets(results).filter((v) => v.pass === false).map((v) => v.budget);
  if (missed.length) log(`bench: budgets missed (reported, not asserted): ${missed.join('; ')}`);
  return broken || overBudget ? 1 : 0;
}

async function measureApiSize(size: number, appUrl: string, apiUrl: string, dbFile: string, load: LoadSettings, rounds: number): Promise<ApiSizeResult> {
  const direct: LoadTarget = {
    target: 'direct',
    origin: apiUrl,
    path: `/api/v1/task/?${INBOX_QUERY}`,
    headers: { authorization: BASIC_AUTH, 'x-tz-offset': TZ_OFFSET },
  };
  const proxy: LoadTarget = { target: 'proxy', origin: appUrl, path: `/api/v1/task/?${INBOX_QUERY}`, headers: { 'x-tz-offset': TZ_OFFSET } };

  const work = makeTempDir('triage-bench-fixture-');
  try {
    const body = await fetchOnce(direct);
    const parsed = JSON.parse(body.toString('utf8')) as { data?: unknown[] };
    if (!Array.isArray(parsed.data) || parsed.data.length === 0) throw new Error('the inbox page is empty: the seed put no task in the inbox');
    writeFileSync(join(work, 'body.json'), body);
    const limitServer = startChild('limit server', TSX, ['bench/limit-server.ts', join(work, 'body.json')], childEnv({}));
    const count = await writeJsonServerFixture(dbFile, join(work, 'tasks.json'), { offsetHours: Number(TZ_OFFSET), publicUrl: apiUrl });
    const jsonServer = startChild('json-server', TSX, ['bench/json-server.ts', join(work, 'tasks.json')], childEnv({}));
    try {
      const [, limitUrl] = await limitServer.waitFor(/limit server on (http:\/\/127\.0\.0\.1:\d+)/, 30_000);
      const [, jsonUrl] = await jsonServer.waitFor(/json-server on (http:\/\/127\.0\.0\.1:\d+)/, 120_000);
      const targets: LoadTarget[] = [
        { target: 'limit', origin: limitUrl!, path: '/', headers: {} },
        direct,
        proxy,
        { target: 'jsonServer', origin: jsonUrl!, path: JSON_SERVER_QUERY, headers: {} },
      ];
      const results: TargetResult[] = await measureTargets(targets, load, rounds);
      for (const r of results) {
        log(
          `${formatCount(size)} tasks, ${r.target}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${formatCount(r.load.rps)} req/s` +
            `${r.errors ? `, ${r.errors} errors` : ''}`,
        );
      }
      if (count < size) throw new Error(`the database has ${count} tasks, expected at least ${size}`);
      return { tasks: size, targets: results };
    } finally {
      await Promise.all([limitServer.stop(), jsonServer.stop()]);
    }
  } finally {
    removeTempDir(work);
  }
}

main()
  .then(
    async (code) => {
      await cleanUp();
      process.exit(code);
    },
    async (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      await cleanUp();
      process.exit(1);
    },
  );
