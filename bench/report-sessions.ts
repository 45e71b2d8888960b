/**
 * The signed-in people's part of the report (bench/sessions.ts): issue 14's budgets per session
 * store and the section's table. Pure, like report.ts, whose formatting it shares.
 */
import { BUDGETS, type Verdict, formatCount, formatMs, formatPercent, markdownTable } from './report';
import { type BenchResults, type SessionStoreResult, isSkipped } from './results-schema';

function measuredStores(r: BenchResults): SessionStoreResult[] {
  return r.sessions && !isSkipped(r.sessions) ? r.sessions.stores.filter((s): s is SessionStoreResult => !isSkipped(s)) : [];
}

/** Issue 14's budgets, per session store: polling p99 with no errors, and throughput vs the limit. */
export function sessionVerdicts(r: BenchResults): Verdict[] {
  if (!r.sessions) return [];
  const stores = measuredStores(r);
  if (stores.length === 0) {
    const note = isSkipped(r.sessions) ? r.sessions.skipped : 'no store measured';
    return [{ budget: 'Signed-in people polling, p99 (no errors)', limit: `≤ ${BUDGETS.pollP99Ms} ms`, measured: 'not measured', pass: null, note }];
  }
  return stores.flatMap((s): Verdict[] => {
    const share = s.throughput.withSessions.rps / s.throughput.limit.rps;
    const clean = s.polling.errors === 0 && s.crossedAnswers === 0;
    return [
      {
        budget: `${formatCount(s.polling.people)} signed-in people polling, p99 (no errors), ${s.store}`,
        limit: `≤ ${BUDGETS.pollP99Ms} ms`,
        measured:
          `${formatMs(s.polling.p99)} (p50 ${formatMs(s.polling.p50)}, ${formatCount(s.polling.requests)} polls, ${s.polling.errors} errors` +
          `${s.polling.errors ? ` [${Object.entries(s.polling.errorKinds).map(([kind, n]) => `${kind}: ${n}`).join(', ')}]` : ''}, ${s.crossedAnswers} crossed)`,
        pass: s.polling.requests > 0 ? s.polling.p99 <= BUDGETS.pollP99Ms && clean : null,
      },
      {
        budget: `Throughput with sessions vs the limit, ${s.store}`,
        limit: `≥ ${formatPercent(BUDGETS.throughputShareOfLimit)}`,
        measured: `${formatPercent(share)} (${formatCount(s.throughput.withSessions.rps)} of ${formatCount(s.throughput.limit.rps)} req/s)`,
        pass: Number.isFinite(share) ? share >= BUDGETS.throughputShareOfLimit : null,
      },
    ];
  });
}

export function sessionsSection(r: BenchResults): string[] {
  if (!r.sessions) return [];
  const out = ['', '## Signed-in people', ''];
  if (isSkipped(r.sessions)) return [...out, `Not measured: ${r.sessions.skipped}`];
  const first = measuredStores(r)[0];
  out.push(
    `${formatCount(r.sessions.people)} reps, each signed in with their own key (\`POST /auth/session\`), ask for their inbox ` +
      `(\`${r.sessions.request}\`) through the proxy every ${first ? formatMs(first.polling.intervalMs) : '–'}` +
      ' (30 times the app\'s own poll), evenly spread. Session lookup: the manager\'s inbox page on one connection without a ' +
      'session (the default key) and with one; the cost is the difference of the medians. The store alone: reading a ' +
      'session\'s row (`findSession(id, { fresh: true })` in the bench\'s process), which the server does for a session\'s ' +
      'first request and after a change; the others are answered from its memory (ADR 0012). Throughput: 10 connections, each ' +
      'request with the next person\'s cookie; next to it the manager\'s page with no session, the same rotation straight ' +
      'to the embedded API with the people\'s keys (direct), and the limit server serving the same bytes.',
    '',
  );
  const rows = r.sessions.stores.map((s) => {
    if (isSkipped(s)) return [s.store, `not measured: ${s.skipped}`, '', '', '', '', '', '', '', '', ''];
    return [
      s.store,
      `${formatMs(s.signIn.p50)} / ${formatMs(s.signIn.p99)}`,
      `${formatMs(s.polling.p50)} / ${formatMs(s.polling.p99)}`,
      formatCount(s.polling.requests),
      `${s.polling.errors + s.throughput.errors + s.signIn.errors} / ${s.crossedAnswers}`,
      `${formatMs(s.lookup.costP50Ms)} (${formatMs(s.lookup.withSession.p50)} vs ${formatMs(s.lookup.withoutSession.p50)})`,
      `${formatMs(s.storeLookup.p50)} / ${formatMs(s.storeLookup.p99)}`,
      formatCount(s.throughput.withSessions.rps),
      formatCount(s.throughput.withoutSession.rps),
      formatCount(s.throughput.direct.rps),
      `${formatCount(s.throughput.limit.rps)} (${formatPercent(s.throughput.withSessions.rps / s.throughput.limit.rps)})`,
    ];
  });
  out.push(
    markdownTable(
      ['Store', 'Sign-in p50 / p99', 'Poll p50 / p99', 'Polls', 'Errors / crossed', 'Session cost per request, p50', 'Row read alone p50 / p99', 'req/s with sessions', 'req/s, no session', 'req/s direct', 'Limit req/s (share)'],
      rows,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  return out;
}
