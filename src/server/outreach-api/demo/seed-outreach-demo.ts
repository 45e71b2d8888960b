/**
 * Seeds the Outreach demo into the stand-in's database: users, priorities, accounts, prospects,
 * sequences with steps, and each owner's tasks placed relative to "now" in the owner's own zone
 * (overdue, earlier and later today, future), with pending sequence steps and completed tasks.
 */
import { DAY_MS, addDaysToDay } from '@/shared/close/dates';
import { dayInZone, zonedWallTimeToEpoch } from '@/shared/close/zones';
import type { Db } from '../../db/open-database';
import {
  DEFAULT_OUTREACH_TOKEN, OUTREACH_DEMO_ACCOUNTS, OUTREACH_DEMO_PRIORITIES, OUTREACH_DEMO_SEQUENCES, OUTREACH_DEMO_TASKS,
  OUTREACH_DEMO_USERS,
} from './outreach-demo-data';

/** The instant of a wall-clock time `day` days from today, in `timeZone`. */
export function zonedTime(nowMs: number, timeZone: string, day: number, time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return zonedWallTimeToEpoch(addDaysToDay(dayInZone(nowMs, timeZone), day), hours, minutes, timeZone);
}

export function isOutreachSeeded(db: Db): boolean {
  return db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const STEP_OF_ACTION: Record<string, string[]> = { call: ['call'], email: ['manual_email', 'auto_email'], action_item: ['task'] };
const TASK_TYPE_OF_ACTION: Record<string, string> = { call: 'sequence_step_call', email: 'sequence_step_email', action_item: 'sequence_step_task' };

export function seedOutreachDemo(db: Db, opts: { nowMs: number; defaultToken?: string }): void {
  const { nowMs } = opts;
  const since = nowMs - 90 * DAY_MS;
  db.transaction(() => {
    const userIds = new Map<string, number>();
    const zones = new Map<number, string>();
    const insertUser = db.prepare(
      'INSERT INTO users (email, first_name, last_name, title, username, time_zone, token, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const u of OUTREACH_DEMO_USERS) {
      const token = u.token === DEFAULT_OUTREACH_TOKEN ? (opts.defaultToken ?? u.token) : u.token;
      const id = Number(insertUser.run(u.email, u.firstName, u.lastName, u.title, u.email.split('@')[0], u.timeZone, token, since, since).lastInsertRowid);
      userIds.set(u.key, id);
      zones.set(id, u.timeZone);
    }
    const priorityIds = new Map<string, number>();
    const insertPriority = db.prepare('INSERT INTO task_priorities (name, color, weight, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?)');
    for (const p of OUTREACH_DEMO_PRIORITIES) priorityIds.set(p.name, Number(insertPriority.run(p.name, p.color, p.weight, since, since).lastInsertRowid));

    const insertAccount = db.prepare(
      'INSERT INTO accounts (name, domain, website_url, industry, locality, number_of_employees, owner_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertProspect = db.prepare(
      `INSERT INTO prospects (account_id, owner_id, first_name, last_name, title, company, emails, work_phones, mobile_phones, time_zone,
         address_city, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const prospectsOf = new Map<number, { id: number; accountId: number }[]>();
    for (const a of OUTREACH_DEMO_ACCOUNTS) {
      const ownerId = userIds.get(a.owner)!;
      const domain = `${a.domain}.example`;
      const accountId = Number(insertAccount.run(a.name, domain, `https://www.${domain}`, a.industry, a.locality, a.employees, ownerId, since, since).lastInsertRowid);
      for (const p of a.prospects) {
        const emails = p.email === false ? [] : [`${plain(p.firstName)}.${plain(p.lastName)}@${domain}`];
        const id = Number(insertProspect.run(
          accountId, ownerId, p.firstName, p.lastName, p.title, a.name, JSON.stringify(emails), JSON.stringify(p.work ? [p.work] : []),
          JSON.stringify(p.mobile ? [p.mobile] : []), p.timeZone, a.locality.split(',')[0], since, since,
        ).lastInsertRowid);
        const list = prospectsOf.get(ownerId) ?? [];
        list.push({ id, accountId });
        prospectsOf.set(ownerId, list);
      }
    }

    const insertSequence = db.prepare('INSERT INTO sequences (name, description, owner_id, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?)');
    const insertStep = db.prepare(
      'INSERT INTO sequence_steps (sequence_id, step_order, step_type, interval_s, task_note, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const sequences: { id: number; steps: { id: number; stepType: string; taskNote: string | null }[] }[] = [];
    for (const s of OUTREACH_DEMO_SEQUENCES) {
      const id = Number(insertSequence.run(s.name, s.description, userIds.get(s.owner)!, since, since).lastInsertRowid);
      const steps = s.steps.map((step, i) => ({
        id: Number(insertStep.run(id, i + 1, step.stepType, step.intervalDays * 86_400, step.taskNote, since, since).lastInsertRowid),
        stepType: step.stepType, taskNote: step.taskNote,
      }));
      sequences.push({ id, steps });
    }

    const insertState = db.prepare(
      `INSERT INTO sequence_states (sequence_id, prospect_id, owner_id, step_id, state, created_ms, updated_ms) VALUES (?, ?, ?, ?, 'active', ?, ?)`,
    );
    const moveState = db.prepare('UPDATE sequence_states SET step_id = ? WHERE id = ?');
    const states = new Map<string, number>();
    const insertTask = db.prepare(
      `INSERT INTO tasks (action, task_type, state, note, due_ms, scheduled_ms, completed_ms, state_changed_ms, created_ms, updated_ms,
         owner_id, completer_id, creator_id, prospect_id, account_id, sequence_id, sequence_step_id, sequence_state_id, task_priority_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let u = 0;
    for (const [, ownerId] of userIds) {
      const prospects = prospectsOf.get(ownerId) ?? [...prospectsOf.values()][0]!;
      OUTREACH_DEMO_TASKS.forEach((t, i) => {
        const prospect = prospects[i % prospects.length]!;
        const due = zonedTime(nowMs, zones.get(ownerId)!, t.day, t.time);
        const created = Math.min(due, nowMs) - 2 * DAY_MS;
        const completed = t.state === 'complete' ? Math.min(due + 30 * 60_000, nowMs) : null;
        let seq: { sequenceId: number; stepId: number; stateId: number; note: string | null } | null = null;
        if (t.sequence) {
          const sequence = sequences[(u + i) % sequences.length]!;
          const step = sequence.steps.find((s) => STEP_OF_ACTION[t.action]!.includes(s.stepType)) ?? sequence.steps[0]!;
          const key = `${sequence.id}:${prospect.id}`;
          let stateId = states.get(key);
          if (stateId === undefined) {
            stateId = Number(insertState.run(sequence.id, prospect.id, ownerId, step.id, created, created).lastInsertRowid);
            states.set(key, stateId);
          } else if (t.state !== 'complete') {
            moveState.run(step.id, stateId);
          }
          seq = { sequenceId: sequence.id, stepId: step.id, stateId, note: step.taskNote };
        }
        insertTask.run(
          t.action, seq ? TASK_TYPE_OF_ACTION[t.action]! : 'manual', t.state, t.note ?? seq?.note ?? null, due,
          t.state === 'pending' ? due : null, completed, completed ?? created, completed ?? created, completed ?? created,
          ownerId, completed !== null ? ownerId : null, seq ? null : ownerId, prospect.id, prospect.accountId,
          seq?.sequenceId ?? null, seq?.stepId ?? null, seq?.stateId ?? null, t.priority ? priorityIds.get(t.priority)! : null,
        );
      });
      u++;
    }
  })();
}

/** Gives the default demo user (Alex, the first) the configured token (EMBEDDED_OUTREACH_TOKEN). */
export function setDefaultOutreachToken(db: Db, token: string): void {
  const first = db.prepare('SELECT id FROM users ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (!first) return;
  const holder = db.prepare('SELECT id FROM users WHERE token = ?').get(token) as { id: number } | undefined;
  if (holder && holder.id !== first.id) throw new Error('the token already belongs to another demo user');
  db.prepare('UPDATE users SET token = ? WHERE id = ?').run(token, first.id);
}

export type OutreachDemoSummary = { users: { id: number; name: string; email: string; token: string | null }[]; tasks: number };

export function outreachDemoSummary(db: Db): OutreachDemoSummary {
  const users = db.prepare(`SELECT id, first_name || ' ' || last_name AS name, email, token FROM users ORDER BY id LIMIT 20`).all() as OutreachDemoSummary['users'];
  return { users, tasks: (db.prepare('SELECT COUNT(*) AS n FROM tasks').get() as { n: number }).n };
}
