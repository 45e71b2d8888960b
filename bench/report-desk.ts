/**
 * The manager's desk's part of the report (bench/desk.ts): issue 17's budget (a rebalance of
 * 1,000 tasks over 4 reps in at most 10 requests) and the section's table. Pure, like report.ts.
 */
import { type Verdict, formatCount, formatMs, markdownTable } from './report';
import { type BenchResults, isSkipped } from './results-schema';

export const REBALANCE_REQUESTS_BUDGET = 10;

export function deskVerdicts(r: BenchResults): Verdict[] {
  if (!r.desk) return [];
  const budget = 'Rebalance of 1,000 tasks over 4 reps, requests';
  if (isSkipped(r.desk)) return [{ budget, limit: `≤ ${REBALANCE_REQUESTS_BUDGET}`, measured: 'not measured', pass: null, note: r.desk.skipped }];
  const b = r.desk.rebalance;
  const total = b.reads + b.writes;
  return [
    {
      budget: `Rebalance of ${formatCount(b.tasks)} tasks over ${b.reps} reps, requests`,
      limit: `≤ ${REBALANCE_REQUESTS_BUDGET}`,
      measured: `${total} (${b.reads} GETs listing the ids, ${b.writes} bulk PUTs in ${formatMs(b.writeMs)})`,
      pass: total <= REBALANCE_REQUESTS_BUDGET,
    },
  ];
}

export function deskSection(r: BenchResults): string[] {
  if (!r.desk) return [];
  const out = ['', "## The manager's desk", ''];
  if (isSkipped(r.desk)) return [...out, `Not measured: ${r.desk.skipped}`];
  const d = r.desk;
  const speedup = (slow: number, fast: number) => (fast > 0 ? `${(slow / fast).toFixed(1)}×` : '–');
  out.push(
    `${d.reps} reps × ${formatCount(d.tasksPerRep)} open tasks (${formatCount(d.openTasks)}), in ten zones; every rep's ` +
      'Overdue, Today, Future and Done (7 days) in the rep\'s own zone, through the proxy. The desk searches the ' +
      'pages (200 a page; the three open counts share one listing by date) with ' +
      `${d.concurrency} requests in flight; the naive way reads every page of each count's own filter, one after ` +
      `another. Counts agree: ${d.countsAgree ? 'yes' : 'NO'}.`,
    '',
    markdownTable(
      ['Counting', 'Time to every count', 'Requests', 'vs naive'],
      [
        [`Desk, cold (median of ${d.cold.length}: ${d.cold.map((c) => formatMs(c.ms)).join(', ')})`, formatMs(d.coldMedianMs), formatCount(d.cold[0]?.requests ?? 0), speedup(d.naive.ms, d.coldMedianMs)],
        ['Desk, refreshed with the last counts as hints', formatMs(d.refresh.ms), formatCount(d.refresh.requests), speedup(d.naive.ms, d.refresh.ms)],
        [`Naive: one page at a time (median of ${d.naiveRuns.length}: ${d.naiveRuns.map((c) => formatMs(c.ms)).join(', ')})`, formatMs(d.naive.ms), formatCount(d.naive.requests), '1.0×'],
        [`Desk, with Close's rate limit (${d.limited.rateLimit} req/s per key)`, formatMs(d.limited.desk.ms), formatCount(d.limited.desk.requests), speedup(d.limited.naive.ms, d.limited.desk.ms)],
        [`Naive, with the rate limit`, formatMs(d.limited.naive.ms), formatCount(d.limited.naive.requests), '1.0×'],
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    `Rebalance: ${formatCount(d.rebalance.tasks)} of one rep's open tasks spread evenly over ${d.rebalance.reps} reps ` +
      `(${d.rebalance.perRep.join(' / ')}): ${d.rebalance.reads} GETs list their ids (${formatMs(d.rebalance.readMs)}), ` +
      `${d.rebalance.writes} bulk \`PUT /task/\` with \`_params.id__in\` move them (${formatMs(d.rebalance.writeMs)}; ${formatCount(d.rebalance.moved)} updated).`,
  );
  return out;
}
