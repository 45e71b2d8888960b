/**
 * The Outreach inbox's part of the report (bench/outreach.ts): the first view and the pages on
 * BACKEND=outreach-demo. Pure, like report.ts. No budget of its own: issue 18 asks for the same
 * speed as on Close, which the Close rows above the section show.
 */
import { formatCount, formatMs, markdownTable } from './report';
import { type BenchResults, type OutreachFirstView, isSkipped } from './results-schema';

function firstViewRow(label: string, f: OutreachFirstView): string[] {
  return [label, formatMs(f.coldMs), `${formatMs(f.warm.p50)} / ${formatMs(f.warm.p99)}`, formatCount(f.warm.requests), `${formatCount(Math.round(f.bytes / 1024))} kB`, formatCount(f.cards)];
}

export function outreachSection(r: BenchResults): string[] {
  if (!r.outreach) return [];
  const out = ['## Outreach', ''];
  if (isSkipped(r.outreach)) return [...out, `Not measured: ${r.outreach.skipped}`];
  const o = r.outreach;
  out.push(
    `BACKEND=outreach-demo: the Outreach stand-in with the demo and ${formatCount(o.tasks)} more tasks over ten reps, ` +
      'the Outreach connector in front, through the app\'s server as the browser asks (x-tz-offset ' +
      `${o.tzOffset}). First view: the HTML of \`/inbox\` to its last byte.`,
    '',
    markdownTable(
      ['First view', 'Cold', 'Warm p50 / p99', 'Warm runs', 'HTML', 'Cards in it'],
      [firstViewRow("Everyone's inbox (`?assignee=everyone`)", o.firstView.everyone), firstViewRow("The demo user's inbox", o.firstView.mine)],
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Pages of ${o.pages.pageSize} of everyone's inbox (\`view=inbox&_type=all&_order_by=date\`), page 1 then each next page in ` +
      `turn (Outreach's \`links.next\` cursor), ${o.pages.pagesPerRound} pages × ${o.pages.rounds} rounds; ` +
      `${formatCount(o.pages.tasksRead)} tasks read a round${o.pages.errors ? `; ${o.pages.errors} errors` : ''}.`,
    '',
    markdownTable(
      ['Page', 'p50', 'p99', 'Mean', 'Requests'],
      [
        ['Page 1', formatMs(o.pages.first.p50), formatMs(o.pages.first.p99), formatMs(o.pages.first.mean), formatCount(o.pages.first.requests)],
        ['Next pages', formatMs(o.pages.next.p50), formatMs(o.pages.next.p99), formatMs(o.pages.next.mean), formatCount(o.pages.next.requests)],
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  );
  return out;
}
