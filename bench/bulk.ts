/**
 * Bulk reassignment: N open tasks on a lead of their own (so a filter matches exactly them), moved
 * from one rep to another by Triage's single filtered `PUT /task/?…` through the proxy, then back by
 * what Close's reassignment script does: one `PUT /task/{id}/` per task, one after another.
 * The database is written while the server runs: SQLite (WAL) serializes the two processes.
 */
import { openDatabase } from '../src/server/db/open-database';
import { createTaskInserter } from '../src/server/db/insert-task';
import { newId } from '../src/server/db/ids';
import { formatCloseDateTime } from '../src/shared/close/dates';
import type { BulkResult } from './results-schema';
import { round } from './stats';
import { BASIC_AUTH, DEMO_API_KEY } from './triage-server';

type BulkFixture = { leadId: string; fromUserId: string; toUserId: string; ids: string[] };

/** Adds a lead with `count` open tasks, all assigned to one rep of the demo manager's organization. */
export function addBulkTasks(dbFile: string, count: number): BulkFixture {
  const db = openDatabase(dbFile);
  try {
    const org = db
      .prepare('SELECT m.organization_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.api_key = ?')
      .get(DEMO_API_KEY) as { id: string } | undefined;
    if (!org) throw new Error(`the seeded database has no user with key ${DEMO_API_KEY}`);
    const users = db
      .prepare('SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.organization_id = ? AND u.api_key != ? ORDER BY u.email')
      .all(org.id, DEMO_API_KEY) as { id: string }[];
    if (users.length < 2) throw new Error('the seeded organization needs at least two reps besides the manager');
    const [from, to] = [users[0]!.id, users[1]!.id];
    const nowMs = Date.now();
    const leadId = newId('lead');
    const ids: string[] = [];
    db.transaction(() => {
      db.prepare('INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)').run(
        leadId, org.id, 'Bench: bulk reassignment', formatCloseDateTime(nowMs), formatCloseDateTime(nowMs),
      );
      const insert = createTaskInserter(db);
      for (let i = 0; i < count; i++) {
        const id = newId('task');
        ids.push(id);
        const day = new Date(nowMs - (i % 30) * 86_400_000).toISOString().slice(0, 10);
        insert({
          id,
          _type: 'lead',
          organization_id: org.id,
          assigned_to: from,
          lead_id: leadId,
          contact_id: null,
          created_by: from,
          updated_by: from,
          text: `Bench follow-up ${i + 1}`,
          date: day,
          is_complete: false,
          date_created_ms: nowMs - i,
          date_updated_ms: nowMs - i,
          object_type: null,
          object_id: null,
          extra: {},
        });
      }
    })();
    return { leadId, fromUserId: from, toUserId: to, ids };
  } finally {
    db.close();
  }
}

function countAssigned(dbFile: string, leadId: string, userId: string): number {
  const db = openDatabase(dbFile);
  try {
    return (db.prepare('SELECT count(*) AS n FROM tasks WHERE lead_id = ? AND assigned_to = ?').get(leadId, userId) as { n: number }).n;
  } finally {
    db.close();
  }
}

export async function measureBulk(opts: { dbFile: string; appUrl: string; apiUrl: string; count: number; tzOffset: string; deadlineMs: number }): Promise<BulkResult> {
  const f = addBulkTasks(opts.dbFile, opts.count);
  const filter = `lead_id=${encodeURIComponent(f.leadId)}&_type=all&is_complete=false`;
  const request = `/task/?${filter}`;

  // Triage: the filter, once, through the proxy as the browser sends it.
  let started = performance.now();
  const response = await fetch(`${opts.appUrl}/api/v1${request}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-tz-offset': opts.tzOffset },
    body: JSON.stringify({ assigned_to: f.toUserId }),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  const filterMs = performance.now() - started;
  if (!response.ok) throw new Error(`bulk PUT ${request} answered ${response.status}: ${text.slice(0, 300)}`);
  const updated = (JSON.parse(text) as { updated?: number }).updated ?? NaN;
  const moved = countAssigned(opts.dbFile, f.leadId, f.toUserId);
  if (moved !== opts.count) throw new Error(`bulk PUT moved ${moved} of ${opts.count} tasks`);

  // Close's script: one PUT per task, sequential, straight to the API with the key.
  let failed = 0;
  let sent = 0;
  started = performance.now();
  for (const id of f.ids) {
    if (Date.now() > opts.deadlineMs) throw new Error(`per-task reassignment ran out of time after ${sent} of ${f.ids.length} requests`);
    const r = await fetch(`${opts.apiUrl}/api/v1/task/${id}/`, {
      method: 'PUT',
      headers: { authorization: BASIC_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ assigned_to: f.fromUserId }),
      signal: AbortSignal.timeout(30_000),
    });
    await r.arrayBuffer();
    sent++;
    if (!r.ok) failed++;
  }
  const perTaskMs = performance.now() - started;
  const back = countAssigned(opts.dbFile, f.leadId, f.fromUserId);
  if (back !== opts.count - failed) throw new Error(`per-task PUTs moved back ${back} of ${opts.count} tasks`);

  return {
    matching: opts.count,
    filter: { requests: 1, ms: round(filterMs), updated, request },
    perTask: { requests: sent, ms: round(perTaskMs), failed },
  };
}
