/**
 * The manager's desk (issue 17): the time to every count of a team, and a rebalance.
 *
 * A DATA_DIR seeded with `seed-cli.ts --reps N --tasks-per-rep M` (reps in ten zones, open work
 * spread around each one's today), and Triage started on it as users start it. Through the proxy,
 * as the browser asks:
 *   - the desk: `countWorkload` for every rep at once (src/features/team/api/count-workload.ts:
 *     searches over pages of 200, the three open counts sharing one listing by date, six requests
 *     in flight), cold (no hints), three times; then once more with the last counts as hints, as
 *     the desk refreshes;
 *   - the naive way: each rep after the other, each count after the other, one page of 200 ids
 *     after the other until `has_more` is false. Its counts must equal the desk's;
 *   - both again against a server that keeps Close's rate limit (EMBEDDED_RATE_LIMIT, per key per
 *     second), where the number of requests decides;
 *   - a rebalance: 1,000 of one rep's open tasks (their ids read 200 a page, as the dialog reads
 *     them) spread evenly over 4 other reps with `planSpread`, applied with bulk `PUT /task/`
 *     (`_params.id__in`, `chunkForRequests`), then checked in the database.
 */
import { openDatabase } from '../src/server/db/open-database';
import { teamRepEmail } from '../src/server/db/seed/team-workload';
import { apiRequest, setDefaultApiOrigin } from '../src/lib/api-client';
import {
  COUNT_PAGE_SIZE,
  DESK_CONCURRENCY,
  RequestPool,
  WORKLOAD_SLICES,
  type WorkloadCounts,
  countWorkload,
  workloadSliceFilters,
} from '../src/features/team/api/count-workload';
import { chunkForRequests, planSpread } from '../src/features/team/utils/spread-tasks';
import { serializeTaskFilters } from '../src/shared/close/task-filters';
import { tzOffsetHours } from '../src/shared/close/zones';
import { z } from 'zod/mini';
import { TSX, childEnv, makeTempDir, removeTempDir, startChild } from './processes';
import type { DeskCountRun, DeskResult } from './results-schema';
import { round } from './stats';
import { startTriageServer } from './triage-server';

export type DeskPlan = { reps: number; tasksPerRep: number; coldRuns: number; rebalance: { tasks: number; over: number }; rateLimit: number };

export function deskPlan(quick: boolean): DeskPlan {
  return quick
    ? { reps: 5, tasksPerRep: 1_000, coldRuns: 1, rebalance: { tasks: 1_000, over: 4 }, rateLimit: 40 }
    : { reps: 20, tasksPerRep: 2_000, coldRuns: 3, rebalance: { tasks: 1_000, over: 4 }, rateLimit: 40 };
}

type Rep = { id: string; timeZone: string };

const IdPageSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })), has_more: z.boolean() });

async function seedTeam(dataDir: string, plan: DeskPlan): Promise<void> {
  const child = startChild('seed team', TSX, ['src/server/db/seed-cli.ts', '--reps', String(plan.reps), '--tasks-per-rep', String(plan.tasksPerRep)], childEnv({ DATA_DIR: dataDir }));
  const code = await child.exited(Math.max(120_000, plan.reps * plan.tasksPerRep * 5));
  if (code !== 0) throw new Error(`seeding the team failed (exit ${code}):\n${child.output().slice(-3000)}`);
}

function readReps(dbFile: string, count: number): Rep[] {
  const db = openDatabase(dbFile);
  try {
    const find = db.prepare<[string], { id: string; time_zone: string }>('SELECT id, time_zone FROM users WHERE email = ?');
    return Array.from({ length: count }, (_, i) => {
      const row = find.get(teamRepEmail(i + 1));
      if (!row) throw new Error(`the seeded database has no ${teamRepEmail(i + 1)}`);
      return { id: row.id, timeZone: row.time_zone };
    });
  } finally {
    db.close();
  }
}

/** Every rep's counts at once, as the desk asks for them. */
async function countDesk(reps: Rep[], hints?: Map<string, WorkloadCounts>): Promise<{ run: DeskCountRun; counts: Map<string, WorkloadCounts> }> {
  const pool = new RequestPool(DESK_CONCURRENCY);
  let requests = 0;
  const counts = new Map<string, WorkloadCounts>();
  const started = performance.now();
  await Promise.all(
    reps.map(async (rep) => {
      let mine = 0;
      counts.set(rep.id, await countWorkload({ userId: rep.id, timeZone: rep.timeZone, pool, hint: hints?.get(rep.id), onProgress: (p) => (mine = p.requests) }));
      requests += mine;
    }),
  );
  return { run: { ms: round(performance.now() - started), requests }, counts };
}

/** One page after another, one count after another, one rep after another. */
async function countNaively(reps: Rep[]): Promise<{ run: DeskCountRun; counts: Map<string, WorkloadCounts> }> {
  const pool = new RequestPool(1);
  let requests = 0;
  const counts = new Map<string, WorkloadCounts>();
  const started = performance.now();
  for (const rep of reps) {
    const nowMs = Date.now();
    const offset = tzOffsetHours(rep.timeZone, nowMs);
    const mine: Partial<WorkloadCounts> = {};
    for (const slice of WORKLOAD_SLICES) {
      const params = serializeTaskFilters(workloadSliceFilters(slice, rep.id, nowMs, offset));
      let n = 0;
      for (let skip = 0; ; skip += COUNT_PAGE_SIZE) {
        requests++;
        const page = await pool.run(() =>
          apiRequest({ path: '/task/', query: { ...params, _fields: 'id', _limit: COUNT_PAGE_SIZE, _skip: skip }, schema: IdPageSchema, timeZone: rep.timeZone }),
        );
        n += page.data.length;
        if (!page.has_more) break;
      }
      mine[slice] = n;
    }
    counts.set(rep.id, mine as WorkloadCounts);
  }
  return { run: { ms: round(performance.now() - started), requests }, counts };
}

/** A real change to one task (its text): the API's kept answers are void after it. */
async function dataToucher(rep: Rep): Promise<() => Promise<void>> {
  const page = await apiRequest({ path: '/task/', query: { assigned_to: rep.id, _type: 'lead', _fields: 'id', _limit: 1 }, schema: IdPageSchema, timeZone: rep.timeZone });
  const id = page.data[0]?.id;
  if (!id) throw new Error('the rep has no lead task to change');
  let n = 0;
  return async () => {
    await apiRequest({ method: 'PUT', path: `/task/${id}/`, body: { text: `Bench follow-up ${++n}` }, schema: z.looseObject({ id: z.string() }), timeZone: rep.timeZone });
  };
}

function sameCounts(a: Map<string, WorkloadCounts>, b: Map<string, WorkloadCounts>): boolean {
  return a.size === b.size && [...a].every(([id, c]) => WORKLOAD_SLICES.every((slice) => c[slice] === b.get(id)?.[slice]));
}

async function rebalance(dbFile: string, from: Rep, to: Rep[], tasks: number): Promise<DeskResult['rebalance']> {
  const started = performance.now();
  let reads = 0;
  const ids: string[] = [];
  // The dialog's "the oldest N": the rep's open tasks by date, ids only.
  for (let skip = 0; ids.length < tasks; skip += COUNT_PAGE_SIZE) {
    reads++;
    const page = await apiRequest({
      path: '/task/',
      query: { assigned_to: from.id, _type: 'all', is_complete: 'false', _order_by: 'date', _fields: 'id', _limit: Math.min(COUNT_PAGE_SIZE, tasks - ids.length), _skip: skip },
      schema: IdPageSchema,
      timeZone: from.timeZone,
    });
    ids.push(...page.data.map((t) => t.id));
    if (!page.has_more) break;
  }
  if (ids.length < tasks) throw new Error(`the rep has ${ids.length} open tasks, fewer than ${tasks}`);
  const readMs = performance.now() - started;
  const plan = planSpread(ids, to.map((r) => ({ userId: r.id })));
  const chunks = chunkForRequests(plan);
  const writeStarted = performance.now();
  let moved = 0;
  for (const chunk of chunks) {
    const answer = await apiRequest({
      method: 'PUT',
      path: '/task/',
      body: { assigned_to: chunk.userId, _params: { id__in: chunk.taskIds.join(','), _type: 'all' } },
      schema: z.looseObject({ updated: z.optional(z.number()) }),
      timeZone: from.timeZone,
    });
    moved += answer.updated ?? 0;
  }
  const writeMs = performance.now() - writeStarted;
  // Every task where the plan put it.
  const db = openDatabase(dbFile);
  try {
    const ownerOf = db.prepare<[string], { assigned_to: string }>('SELECT assigned_to FROM tasks WHERE id = ?');
    for (const group of plan) for (const id of group.taskIds) if (ownerOf.get(id)?.assigned_to !== group.userId) throw new Error(`task ${id} is not with ${group.userId} after the rebalance`);
  } finally {
    db.close();
  }
  return {
    tasks,
    reps: to.length,
    writes: chunks.length,
    reads,
    perRep: plan.map((g) => g.taskIds.length),
    writeMs: round(writeMs),
    readMs: round(readMs),
    moved,
  };
}

export async function measureDesk(opts: { plan: DeskPlan; log: (line: string) => void }): Promise<DeskResult> {
  const { plan, log } = opts;
  const dataDir = makeTempDir('triage-bench-desk-');
  try {
    log(`\ndesk: seeding ${plan.reps} reps × ${plan.tasksPerRep.toLocaleString('en-US')} open tasks …`);
    await seedTeam(dataDir, plan);
    const dbFile = `${dataDir}/triage.db`;
    const reps = readReps(dbFile, plan.reps);

    const server = await startTriageServer(dataDir, null);
    const cold: DeskCountRun[] = [];
    const naiveRuns: DeskCountRun[] = [];
    let refresh: DeskCountRun;
    let agree: boolean;
    let rebalanced: DeskResult['rebalance'];
    try {
      setDefaultApiOrigin(() => server.appUrl);
      // One round before the measured ones: the server's statements and SQLite's pages, not the desk's work.
      await countDesk(reps.slice(0, 2));
      const touch = await dataToucher(reps[0]!);
      let last = new Map<string, WorkloadCounts>();
      let slow: Awaited<ReturnType<typeof countNaively>> | null = null;
      // In turns, each after a change: the embedded API keeps answers until the data changes, and
      // neither way may be served the other's.
      for (let i = 0; i < plan.coldRuns; i++) {
        await touch();
        const { run, counts } = await countDesk(reps);
        cold.push(run);
        last = counts;
        log(`desk: every count of ${plan.reps} reps in ${run.ms} ms, ${run.requests} requests`);
        await touch();
        slow = await countNaively(reps);
        naiveRuns.push(slow.run);
        log(`desk: the naive way: ${slow.run.ms} ms, ${slow.run.requests} requests`);
      }
      await touch();
      const warm = await countDesk(reps, last);
      refresh = warm.run;
      log(`desk: refresh with the last counts as hints: ${refresh.ms} ms, ${refresh.requests} requests`);
      agree = sameCounts(last, slow!.counts) && sameCounts(warm.counts, slow!.counts);
      log(`desk: counts ${agree ? 'agree' : 'DIFFER'}`);
      if (!agree) throw new Error('the desk\'s counts differ from reading every page');
      rebalanced = await rebalance(dbFile, reps[0]!, reps.slice(1, 1 + plan.rebalance.over), plan.rebalance.tasks);
      log(`desk: rebalanced ${rebalanced.tasks} tasks over ${rebalanced.reps} reps with ${rebalanced.writes} PUTs (${rebalanced.writeMs} ms) after ${rebalanced.reads} GETs`);
    } finally {
      await server.stop();
    }

    // The same counts where Close's rate limit applies (after the rebalance: rep 1 has fewer tasks now, the others more).
    const limitedServer = await startTriageServer(dataDir, null, { EMBEDDED_RATE_LIMIT: String(plan.rateLimit) });
    let limited: DeskResult['limited'];
    try {
      setDefaultApiOrigin(() => limitedServer.appUrl);
      const touch = await dataToucher(reps[1]!);
      await touch();
      const desk = await countDesk(reps);
      await touch();
      const slow = await countNaively(reps);
      if (!sameCounts(desk.counts, slow.counts)) throw new Error('with the rate limit, the desk\'s counts differ from reading every page');
      limited = { rateLimit: plan.rateLimit, desk: desk.run, naive: slow.run };
      log(`desk, at ${plan.rateLimit} req/s: ${desk.run.ms} ms (${desk.run.requests} requests); naive ${slow.run.ms} ms (${slow.run.requests})`);
    } finally {
      await limitedServer.stop();
    }

    const median = (runs: DeskCountRun[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
    return {
      reps: plan.reps,
      tasksPerRep: plan.tasksPerRep,
      openTasks: plan.reps * plan.tasksPerRep,
      concurrency: DESK_CONCURRENCY,
      cold,
      coldMedianMs: median(cold).ms,
      refresh,
      naive: median(naiveRuns),
      naiveRuns,
      countsAgree: agree,
      limited,
      rebalance: rebalanced,
    };
  } finally {
    removeTempDir(dataDir);
  }
}
