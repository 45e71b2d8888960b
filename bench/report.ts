/**
 * Turns results into the budget verdicts and the Markdown report. Pure: no I/O, so the
 * formatting and the verdicts are unit-tested.
 */
import { INITIAL_JS_BUDGET_GZIP } from '../scripts/check-bundle-size.mjs';
import {
  type ApiSizeResult,
  type BenchResults,
  type BrowserResult,
  type BundleResult,
  type TargetName,
  type TargetResult,
  isSkipped,
} from './results-schema';
import { sessionVerdicts, sessionsSection } from './report-sessions';
import { deskSection, deskVerdicts } from './report-desk';
import { outreachSection } from './report-outreach';

export type Verdict = { budget: string; limit: string; measured: string; pass: boolean | null; note?: string };

export const BUDGETS = {
  initialJsGzip: INITIAL_JS_BUDGET_GZIP,
  firstTaskMs: 500,
  completeP95Ms: 16,
  inboxP50Ms: 5,
  throughputShareOfLimit: 0.5,
  domNodes: 2_000,
  longTaskMs: 50,
  bulkRequests: 3,
  pollP99Ms: 50,
} as const;

const TARGET_LABELS: Record<TargetName, string> = {
  proxy: 'Triage, through the proxy',
  direct: 'Triage, embedded API direct',
  limit: 'limit: precomputed body',
  jsonServer: 'json-server 0.17',
};

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)}%` : '–';
}

function mark(pass: boolean | null): string {
  return pass === null ? '–' : pass ? '✅' : '❌';
}

/** A GitHub-flavoured Markdown table; `align` has one of 'l' | 'r' per column. */
export function markdownTable(headers: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`table row has ${row.length} cells, expected ${headers.length}`);
  }
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function target(size: ApiSizeResult | undefined, name: TargetName): TargetResult | undefined {
  return size?.targets.find((t) => t.target === name);
}

/** Each budget of issue 5 against this run's figure. `null` = not measured in this run. */
export function evaluateBudgets(r: BenchResults): Verdict[] {
  const verdicts: Verdict[] = [];

  if (isSkipped(r.bundle)) {
    verdicts.push({ budget: 'Initial JS, gzip', limit: '≤ 150 kB', measured: 'not measured', pass: null, note: r.bundle.skipped });
  } else {
    const gzip = r.bundle.initialJs.gzip;
    verdicts.push({ budget: 'Initial JS, gzip', limit: `≤ ${formatKb(BUDGETS.initialJsGzip)}`, measured: formatKb(gzip), pass: gzip <= BUDGETS.initialJsGzip });
  }

  if (isSkipped(r.browser)) {
    const why = r.browser.skipped;
    verdicts.push({ budget: 'First task visible after navigation', limit: `≤ ${BUDGETS.firstTaskMs} ms`, measured: 'not measured', pass: null, note: why });
    verdicts.push({ budget: 'Complete → card gone, p95', limit: `≤ ${BUDGETS.completeP95Ms} ms`, measured: 'not measured', pass: null, note: why });
    verdicts.push({ budget: 'DOM nodes with 10,000 tasks loaded', limit: `≤ ${formatCount(BUDGETS.domNodes)}`, measured: 'not measured', pass: null, note: why });
    verdicts.push({ budget: 'Longest task while scrolling', limit: `≤ ${BUDGETS.longTaskMs} ms`, measured: 'not measured', pass: null, note: why });
  } else {
    const b = r.browser;
    const at = `${formatCount(b.tasks)} tasks`;
    verdicts.push({
      budget: 'First task visible after navigation',
      limit: `≤ ${BUDGETS.firstTaskMs} ms`,
      measured: `${formatMs(b.coldLoad.medianMs)} (median of ${b.coldLoad.runs.length} cold loads, ${at}${staticPageNote(b)})`,
      pass: b.coldLoad.medianMs <= BUDGETS.firstTaskMs,
    });
    verdicts.push({
      budget: 'Complete → card gone, p95',
      limit: `≤ ${BUDGETS.completeP95Ms} ms`,
      measured: `${formatMs(b.complete.p95)} (p50 ${formatMs(b.complete.p50)}, ${b.complete.samples.length} × ${b.complete.method})`,
      pass: b.complete.samples.length > 0 ? b.complete.p95 <= BUDGETS.completeP95Ms : null,
    });
    if (isSkipped(b.loaded)) {
      verdicts.push({ budget: 'DOM nodes with 10,000 tasks loaded', limit: `≤ ${formatCount(BUDGETS.domNodes)}`, measured: 'not measured', pass: null, note: b.loaded.skipped });
      verdicts.push({ budget: 'Longest task while scrolling', limit: `≤ ${BUDGETS.longTaskMs} ms`, measured: 'not measured', pass: null, note: b.loaded.skipped });
    } else {
      const l = b.loaded;
      const reached = `${formatCount(l.loaded)} tasks loaded`;
      verdicts.push({
        budget: `DOM nodes with ${formatCount(l.target)} tasks loaded`,
        limit: `≤ ${formatCount(BUDGETS.domNodes)}`,
        measured: `${formatCount(l.domNodes)} (${reached})`,
        pass: l.domNodes <= BUDGETS.domNodes,
        note: l.loaded < l.target ? `only ${formatCount(l.loaded)} of ${formatCount(l.target)} could be loaded` : undefined,
      });
      verdicts.push({
        budget: 'Longest task while scrolling to the end',
        limit: `≤ ${BUDGETS.longTaskMs} ms`,
        measured: l.longTasksWhileScrolling.count === 0 ? 'no long task' : `${formatMs(l.longTasksWhileScrolling.maxMs)} (${l.longTasksWhileScrolling.count} long tasks)`,
        pass: l.longTasksWhileScrolling.maxMs <= BUDGETS.longTaskMs,
      });
    }
  }

  const largest = r.api.reduce<ApiSizeResult | undefined>((best, s) => (!best || s.tasks > best.tasks ? s : best), undefined);
  const proxy = target(largest, 'proxy');
  const limit = target(largest, 'limit');
  if (!largest || !proxy) {
    verdicts.push({ budget: 'Inbox page p50, through the proxy', limit: `≤ ${BUDGETS.inboxP50Ms} ms`, measured: 'not measured', pass: null });
    verdicts.push({ budget: 'Inbox page throughput vs the limit', limit: '≥ 50%', measured: 'not measured', pass: null });
  } else {
    const at = `${formatCount(largest.tasks)} tasks`;
    const direct = target(largest, 'direct');
    verdicts.push({
      budget: 'Inbox page p50, through the proxy',
      limit: `≤ ${BUDGETS.inboxP50Ms} ms`,
      measured: `${formatMs(proxy.latency.p50)} (${at}; direct ${direct ? formatMs(direct.latency.p50) : '–'})`,
      pass: proxy.latency.p50 <= BUDGETS.inboxP50Ms,
    });
    const share = limit ? proxy.load.rps / limit.load.rps : NaN;
    const directShare = limit && direct ? direct.load.rps / limit.load.rps : NaN;
    verdicts.push({
      budget: 'Inbox page throughput vs the limit, through the proxy',
      limit: `≥ ${formatPercent(BUDGETS.throughputShareOfLimit)}`,
      measured: `${formatPercent(share)} (${formatCount(proxy.load.rps)} of ${limit ? formatCount(limit.load.rps) : '–'} req/s, ${at}; direct ${formatPercent(directShare)})`,
      pass: Number.isFinite(share) ? share >= BUDGETS.throughputShareOfLimit : null,
    });
  }

  if (isSkipped(r.bulk)) {
    verdicts.push({ budget: 'Bulk reassign, requests', limit: `≤ ${BUDGETS.bulkRequests}`, measured: 'not measured', pass: null, note: r.bulk.skipped });
  } else {
    verdicts.push({
      budget: `Bulk reassign of ${formatCount(r.bulk.matching)} tasks, requests`,
      limit: `≤ ${BUDGETS.bulkRequests}`,
      measured: `${r.bulk.filter.requests} (${formatMs(r.bulk.filter.ms)})`,
      pass: r.bulk.filter.requests <= BUDGETS.bulkRequests,
    });
  }
  verdicts.push(...sessionVerdicts(r));
  verdicts.push(...deskVerdicts(r));
  return verdicts;
}

/** The inbox route's chunk is on the way to the first task too: the sum is what that costs. */
function firstViewRow(b: BundleResult): string[][] {
  const inbox = b.chunks.find((c) => c.name === 'src/app/routes/inbox.tsx (component)');
  if (!inbox) return [];
  return [['Initial JS + inbox route (before the first task)', `+ ${inbox.files.join(', ')}`, formatKb(b.initialJs.raw + inbox.raw), formatKb(b.initialJs.gzip + inbox.gzip)]];
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Triage benchmark (${r.mode} run)`);
  out.push('');
  out.push(
    `${r.date.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}` +
      `${m.chromium ? `, ${m.chromium}` : ''}. The run took ${Math.round(r.seconds)} s. ` +
      'Produced by `npm run bench`; method in docs/decisions/0005-benchmark-method.md.',
  );
  out.push('');
  out.push('## Budgets');
  out.push('');
  out.push(
    markdownTable(
      ['Budget', 'Limit', 'Measured', ''],
      evaluateBudgets(r).map((v) => [v.budget, v.limit, v.note ? `${v.measured}; ${v.note}` : v.measured, mark(v.pass)]),
      ['l', 'r', 'l', 'l'],
    ),
  );

  out.push('');
  out.push('## API: one inbox page');
  out.push('');
  out.push(
    `\`GET /task/?${r.inboxQuery}\` with \`x-tz-offset: ${r.tzOffset}\`; json-server gets its closest equivalent, ` +
      '`GET /tasks?is_complete=false&_sort=date&_order=asc&_limit=100` (it has no views or time zones, and sorts ' +
      'dates as strings). Latency: one connection, one request after another. Throughput: ' +
      `${r.api[0]?.targets[0]?.load.connections ?? 10} connections from autocannon. All on 127.0.0.1.`,
  );
  out.push('');
  const apiRows: string[][] = [];
  for (const size of r.api) {
    const limit = target(size, 'limit');
    for (const t of size.targets) {
      apiRows.push([
        formatCount(size.tasks),
        TARGET_LABELS[t.target],
        formatMs(t.latency.p50),
        formatMs(t.latency.p99),
        formatCount(t.load.rps),
        limit ? formatPercent(t.load.rps / limit.load.rps) : '–',
        formatMs(t.load.p50),
        formatKb(t.bodyBytes),
        t.errors ? `⚠ ${t.errors}` : '0',
      ]);
    }
  }
  out.push(
    markdownTable(
      ['Tasks', 'Server', 'p50', 'p99', 'req/s', 'of limit', 'p50 loaded', 'Body', 'Errors'],
      apiRows,
      ['r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );

  out.push('');
  out.push('## Bulk reassign');
  out.push('');
  if (isSkipped(r.bulk)) out.push(`Not measured: ${r.bulk.skipped}`);
  else {
    const b = r.bulk;
    out.push(`Reassigning the ${formatCount(b.matching)} open tasks that match a filter to another rep.`);
    out.push('');
    out.push(
      markdownTable(
        ['Method', 'Requests', 'Time'],
        [
          [`Triage: one filtered \`PUT ${b.filter.request.replace(/lead_id=[^&]+/, 'lead_id=…')}\` through the proxy`, formatCount(b.filter.requests), formatMs(b.filter.ms)],
          ["Close's reassignment script: one `PUT /task/{id}/` per task, one after another, direct", formatCount(b.perTask.requests), formatMs(b.perTask.ms)],
        ],
        ['l', 'r', 'r'],
      ),
    );
  }

  out.push('');
  out.push('## Browser');
  out.push('');
  if (isSkipped(r.browser)) out.push(`Not measured: ${r.browser.skipped}`);
  else {
    const b = r.browser;
    const rows: string[][] = [
      ['Cold load → first task card in the DOM (median)', formatMs(b.coldLoad.firstInDomMedianMs)],
      ['Cold load → first task card painted (median; its text\'s element timing, else the next frame)', formatMs(b.coldLoad.medianMs)],
      ['Cold loads', b.coldLoad.runs.map((x) => formatMs(x)).join(', ')],
      ...(b.coldLoad.readyMedianMs === undefined ? [] : [['Cold load → the app has taken the page over, keys work (median)', formatMs(b.coldLoad.readyMedianMs)]]),
      ...staticPageRows(b),
      [`${b.complete.method} → card gone, p50 / p95 of ${b.complete.samples.length}`, `${formatMs(b.complete.p50)} / ${formatMs(b.complete.p95)}`],
      // The first sample is the page's first action: its code (and the outbox's) runs for the first time.
      ...(b.complete.samples.length === 0 ? [] : [[`First ${b.complete.method} on a fresh page → card gone`, formatMs(b.complete.samples[0]!)]]),
      ...(b.complete.apiRequests === undefined
        ? []
        : [[`API requests for those ${b.complete.samples.length} completes, with the refreshes after them`, formatCount(b.complete.apiRequests)]]),
    ];
    if (isSkipped(b.loaded)) rows.push(['Long list', `not measured: ${b.loaded.skipped}`]);
    else {
      const l = b.loaded;
      rows.push(
        ['Tasks loaded (pages of 100, by scrolling)', `${formatCount(l.loaded)} in ${l.loadSeconds.toFixed(1)} s, ${formatCount(l.pageRequests)} page requests`],
        ['DOM nodes / task cards in the DOM', `${formatCount(l.domNodes)} / ${formatCount(l.articles)}`],
        ['JS heap used (after GC)', `${l.heapUsedMb.toFixed(1)} MB`],
        ['Long tasks while loading (count, longest)', `${l.longTasksWhileLoading.count}, ${formatMs(l.longTasksWhileLoading.maxMs)}`],
        [`Long tasks while scrolling to the end in ${l.scrollSteps} steps (count, longest)`, `${l.longTasksWhileScrolling.count}, ${formatMs(l.longTasksWhileScrolling.maxMs)}`],
      );
    }
    out.push(`Real Chromium, headless, against a database of ${formatCount(b.tasks)} tasks.`);
    out.push('');
    out.push(markdownTable(['Measure', 'Value'], rows, ['l', 'r']));
  }

  out.push(...sessionsSection(r), '');
  const desk = deskSection(r);
  if (desk.length) out.push(...desk.slice(1), '');
  const outreach = outreachSection(r);
  if (outreach.length) out.push(...outreach, '');
  out.push('## Bundle');
  out.push('');
  if (isSkipped(r.bundle)) out.push(`Not measured: ${r.bundle.skipped}`);
  else {
    const b = r.bundle;
    const rows: string[][] = [
      ['Initial JS', b.initialJs.files.map((f) => f.file).join(', '), formatKb(b.initialJs.raw), formatKb(b.initialJs.gzip)],
      ['Initial CSS', b.initialCss.files.map((f) => f.file).join(', ') || '–', formatKb(b.initialCss.raw), formatKb(b.initialCss.gzip)],
      ...firstViewRow(b),
      ...b.chunks.map((c) => ['Lazy', c.name, formatKb(c.raw), formatKb(c.gzip)]),
    ];
    out.push(`Read from ${b.source === 'manifest' ? 'the Vite manifest' : 'dist/index.html'}; gzip at zlib's default level.`);
    out.push('');
    out.push(markdownTable(['Part', 'Files', 'Raw', 'Gzip'], rows, ['l', 'l', 'r', 'r']));
  }

  if (r.notes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    for (const note of r.notes) out.push(`- ${note}`);
  }
  out.push('');
  return out.join('\n');
}

/** The limit for the first view: the same page as a file with no scripts (bench/static-first-view.ts). */
function staticPageNote(b: BrowserResult): string {
  return b.staticPage && !isSkipped(b.staticPage) ? `; the same page with no scripts: ${formatMs(b.staticPage.medianMs)}` : '';
}

function staticPageRows(b: BrowserResult): string[][] {
  if (!b.staticPage) return [];
  if (isSkipped(b.staticPage)) return [['The same first view as a page with no scripts', `not measured: ${b.staticPage.skipped}`]];
  const p = b.staticPage;
  return [
    ['The same first view as a page with no scripts, same headers (the limit): card in the DOM / painted (median)', `${formatMs(p.firstInDomMedianMs)} / ${formatMs(p.medianMs)}`],
    ['Its cold loads, taken in turns with the app\'s', p.runs.map((x) => formatMs(x)).join(', ')],
  ];
}
