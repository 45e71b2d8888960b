/**
 * The Outreach inbox (issue 18): its first view and its pages, on BACKEND=outreach-demo.
 *
 * A DATA_DIR seeded with `seed:outreach --tasks N` (the demo, plus N tasks over ten bench reps),
 * and Triage started on it as users start it: the Outreach stand-in on its own port, the Outreach
 * connector in front. Through the app's server, as the browser asks:
 *   - the first view: `GET /inbox?assignee=everyone` (every rep's inbox: the large one), the HTML
 *     to its last byte, cold (the first request after start) and then warm, one after another;
 *     the demo user's own inbox (`GET /inbox`) the same way;
 *   - the pages: `GET /api/v1/task/?view=inbox&_type=all&_order_by=date&_limit=100&_skip=…`, page 1 and
 *     then each next page in turn, as the list reads on. Each page past the first rides on
 *     Outreach's `links.next` cursor, which the connector keeps per person and query: one Outreach
 *     call per page.
 */
import { join } from 'node:path';
import type { OutreachResult, LatencyFigures } from './results-schema';
import { TSX, childEnv, makeTempDir, removeTempDir, startChild } from './processes';
import { percentile, round } from './stats';

export type OutreachPlan = { tasks: number; warmRuns: number; pages: number; rounds: number };

export function outreachPlan(quick: boolean): OutreachPlan {
  return quick ? { tasks: 10_000, warmRuns: 10, pages: 5, rounds: 3 } : { tasks: 100_000, warmRuns: 30, pages: 10, rounds: 10 };
}

/** The zone the demo user works in, as the browser would send it (New York, standard time). */
const TZ_OFFSET = '-5';
const PAGE_SIZE = 100;

function figures(samples: number[]): LatencyFigures {
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { requests: samples.length, p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), mean: round(mean) };
}

/** One request to its last byte: milliseconds, status, and the body. */
async function timed(url: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

async function seed(dataDir: string, tasks: number): Promise<void> {
  const child = startChild('seed outreach', TSX, [join('src', 'server', 'outreach-api', 'seed-cli.ts'), '--tasks', String(tasks)], childEnv({ DATA_DIR: dataDir }));
  const code = await child.exited(Math.max(120_000, tasks * 5));
  if (code !== 0) throw new Error(`seeding the Outreach stand-in failed (exit ${code}):\n${child.output().slice(-3000)}`);
}

/** A first view, cold then warm: how long its HTML takes, and how many cards the server put in it. */
async function measureFirstView(url: string, warmRuns: number): Promise<OutreachResult['firstView']['everyone']> {
  const cold = await timed(url);
  if (cold.status !== 200) throw new Error(`GET ${url} → ${cold.status}`);
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const run = await timed(url);
    if (run.status !== 200) throw new Error(`GET ${url} → ${run.status}`);
    warm.push(run.ms);
  }
  return { coldMs: round(cold.ms), warm: figures(warm), bytes: Buffer.byteLength(cold.body), cards: (cold.body.match(/<article/g) ?? []).length };
}

/** Page 1, then each next page in turn, `rounds` times over. */
async function measurePages(appUrl: string, pages: number, rounds: number): Promise<OutreachResult['pages']> {
  const first: number[] = [];
  const next: number[] = [];
  let tasksRead = 0;
  let errors = 0;
  for (let r = 0; r < rounds; r++) {
    for (let p = 0; p < pages; p++) {
      const url = `${appUrl}/api/v1/task/?view=inbox&_type=all&_order_by=date&_limit=${PAGE_SIZE}&_skip=${p * PAGE_SIZE}`;
      const run = await timed(url, { 'x-tz-offset': TZ_OFFSET });
      if (run.status !== 200) {
        errors++;
        continue;
      }
      const page = JSON.parse(run.body) as { data: unknown[]; has_more: boolean };
      if (r === 0) tasksRead += page.data.length;
      (p === 0 ? first : next).push(run.ms);
      if (!page.has_more) break;
    }
  }
  return { pageSize: PAGE_SIZE, pagesPerRound: pages, rounds, tasksRead, first: figures(first), next: figures(next), errors };
}

export async function measureOutreach(opts: { plan: OutreachPlan; staticDir: string | null; log: (line: string) => void }): Promise<OutreachResult> {
  const { plan, staticDir, log } = opts;
  const dataDir = makeTempDir('triage-bench-outreach-');
  try {
    log(`outreach: seeding the stand-in with ${plan.tasks.toLocaleString('en-US')} tasks …`);
    await seed(dataDir, plan.tasks);
    const env: Record<string, string> = { BACKEND: 'outreach-demo', HOST: '127.0.0.1', PORT: '0', API_PORT: '0', DATA_DIR: dataDir, TRIAGE_SKIP_BUILD: '1' };
    if (staticDir) env.STATIC_DIR = staticDir;
    const server = startChild('triage server (outreach-demo)', TSX, [join('src', 'server', 'index.ts')], childEnv(env));
    try {
      const [, appUrl] = await server.waitFor(/Triage listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      log('outreach: first views …');
      const everyone = await measureFirstView(`${appUrl!}/inbox?assignee=everyone`, plan.warmRuns);
      const mine = await measureFirstView(`${appUrl!}/inbox`, plan.warmRuns);
      log(`outreach: everyone's inbox, cold ${everyone.coldMs} ms, warm p50 ${everyone.warm.p50} ms; the demo user's, warm p50 ${mine.warm.p50} ms`);
      log('outreach: pages …');
      const pages = await measurePages(appUrl!, plan.pages, plan.rounds);
      log(`outreach: page 1 p50 ${pages.first.p50} ms, next pages p50 ${pages.next.p50} ms (${pages.errors} errors)`);
      return { tasks: plan.tasks, tzOffset: TZ_OFFSET, firstView: { everyone, mine }, pages };
    } finally {
      await server.stop();
    }
  } finally {
    removeTempDir(dataDir);
  }
}
