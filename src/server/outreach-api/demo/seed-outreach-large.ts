/**
 * A large organization for the bench: M reps (each with the token `outreach-bench-token-<i>`) and
 * N tasks spread over them, every action type, mostly incomplete with some pending and complete,
 * dues from ten days ago to three weeks ahead. Deterministic: the same N and M give the same rows.
 */
import type { Db } from '../../db/open-database';

const DAY_MS = 86_400_000;
const ACTIONS = ['call', 'email', 'action_item', 'in_person'] as const;
const TASK_TYPES: Record<string, string> = { call: 'sequence_step_call', email: 'sequence_step_email', action_item: 'sequence_step_task', in_person: 'manual' };
const FIRST = ['Ava', 'Ben', 'Chloé', 'Dev', 'Elif', 'Finn', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Liam'];
const LAST = ['Adams', 'Baker', 'Costa', 'Dubois', 'Evans', 'Fischer', 'García', 'Hill', 'Ito', 'Jones', 'Kowalski', 'Lopez'];
const PROSPECTS_PER_USER = 20;

export const MAX_BENCH_USERS = 10_000;
export const benchToken = (i: number) => `outreach-bench-token-${i}`;

export type LargeSeedResult = { userIds: number[]; tasks: number };

export function seedOutreachLarge(db: Db, opts: { tasks: number; users: number; nowMs: number }): LargeSeedResult {
  const { nowMs } = opts;
  if (!Number.isInteger(opts.users) || opts.users < 1 || opts.users > MAX_BENCH_USERS) throw new Error(`users must be 1..${MAX_BENCH_USERS}`);
  return db.transaction((): LargeSeedResult => {
    const userIds: number[] = [];
    const findUser = db.prepare('SELECT id FROM users WHERE token = ?');
    const insertUser = db.prepare(
      `INSERT INTO users (email, first_name, last_name, title, username, time_zone, token, created_ms, updated_ms)
       VALUES (?, ?, ?, 'Sales Development Rep', ?, 'UTC', ?, ?, ?)`,
    );
    const insertAccount = db.prepare('INSERT INTO accounts (name, domain, owner_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?)');
    const insertProspect = db.prepare(
      `INSERT INTO prospects (account_id, owner_id, first_name, last_name, title, company, emails, work_phones, created_ms, updated_ms)
       VALUES (?, ?, ?, ?, 'Buyer', ?, ?, ?, ?, ?)`,
    );
    const prospectsOf = new Map<number, { id: number; accountId: number }[]>();
    for (let i = 1; i <= opts.users; i++) {
      const existing = findUser.get(benchToken(i)) as { id: number } | undefined;
      let id = existing?.id;
      if (id === undefined) {
        id = Number(insertUser.run(`bench-${i}@bench.triage.test`, 'Bench', `Rep ${i}`, `bench-${i}`, benchToken(i), nowMs, nowMs).lastInsertRowid);
      }
      userIds.push(id);
      let prospects = db.prepare('SELECT id, account_id AS accountId FROM prospects WHERE owner_id = ? LIMIT ?').all(id, PROSPECTS_PER_USER) as { id: number; accountId: number }[];
      if (prospects.length === 0) {
        const accountId = Number(insertAccount.run(`Bench Account ${i}`, `bench-${i}.example`, id, nowMs, nowMs).lastInsertRowid);
        prospects = Array.from({ length: PROSPECTS_PER_USER }, (_, k) => {
          const first = FIRST[k % FIRST.length]!;
          const last = LAST[(k + i) % LAST.length]!;
          const phone = `+1202555${String(100 + (k % 100)).padStart(4, '0')}`;
          const pid = Number(insertProspect.run(
            accountId, id, first, last, `Bench Account ${i}`, JSON.stringify([`${first.toLowerCase()}.${k}@bench-${i}.example`]),
            JSON.stringify([phone]), nowMs, nowMs,
          ).lastInsertRowid);
          return { id: pid, accountId };
        });
      }
      prospectsOf.set(id, prospects);
    }
    const priorities = (db.prepare('SELECT id FROM task_priorities ORDER BY weight DESC').all() as { id: number }[]).map((p) => p.id);
    const insertTask = db.prepare(
      `INSERT INTO tasks (action, task_type, state, note, due_ms, scheduled_ms, completed_ms, state_changed_ms, created_ms, updated_ms,
         owner_id, completer_id, creator_id, prospect_id, account_id, task_priority_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let n = 0; n < opts.tasks; n++) {
      const ownerId = userIds[n % userIds.length]!;
      const prospects = prospectsOf.get(ownerId)!;
      const prospect = prospects[Math.floor(n / userIds.length) % prospects.length]!;
      const action = ACTIONS[n % ACTIONS.length]!;
      const roll = (n * 7919) % 100;
      const state = roll < 80 ? 'incomplete' : roll < 90 ? 'pending' : 'complete';
      // Spread dues over -10..+20 days at minute resolution, deterministic in n.
      const due = nowMs - 10 * DAY_MS + ((n * 104_729) % (30 * 24 * 60)) * 60_000;
      const created = Math.min(due, nowMs) - DAY_MS;
      const completed = state === 'complete' ? Math.min(due, nowMs) : null;
      insertTask.run(
        action, TASK_TYPES[action]!, state, n % 3 === 0 ? `Bench note ${n}` : null, due, state === 'pending' ? due : null, completed,
        completed ?? created, created, completed ?? created, ownerId, completed !== null ? ownerId : null, ownerId, prospect.id,
        prospect.accountId, priorities.length && n % 4 !== 3 ? priorities[n % priorities.length]! : null,
      );
    }
    return { userIds, tasks: opts.tasks };
  })();
}
