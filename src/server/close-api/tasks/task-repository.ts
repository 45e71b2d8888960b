/**
 * SQL for tasks. Lists ordered by date read each (date kind × state) stream in index order and
 * merge them in Close's order (instant, then date-only before date-time, then creation), so a
 * page costs a short index walk whatever the organization's size. See task-query.ts for ranges.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open-database';
import { type NewTaskRow, createTaskInserter } from '../../db/insert-task';
import type { TaskOrderBy } from '@/shared/close/schemas';
import type { SetClause } from './task-changes';
import { isEmptyRange, type Range, type TaskQuery } from './task-query';

export type TaskRow = {
  seq: number;
  id: string;
  organization_id: string;
  type: string;
  assigned_to: string | null;
  assigned_to_name: string | null;
  lead_id: string | null;
  lead_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  created_by: string | null;
  created_by_name: string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  text: string | null;
  date_text: string;
  date_kind: 0 | 1;
  date_sort: number;
  is_dateless: 0 | 1;
  is_complete: 0 | 1;
  date_created: string;
  date_updated: string;
  object_type: string | null;
  object_id: string | null;
  extra: string;
  priority: 'high' | 'medium';
};

type Sql = { sql: string; params: unknown[] };

const SELECT_ROWS = `
  SELECT t.seq, t.id, t.organization_id, t.type, t.assigned_to, t.lead_id, t.contact_id, t.created_by,
         t.updated_by, t.text, t.date_text, t.date_kind, t.date_sort, t.is_dateless, t.is_complete,
         t.date_created, t.date_updated, t.object_type, t.object_id, t.extra,
         ua.first_name || ' ' || ua.last_name AS assigned_to_name,
         uc.first_name || ' ' || uc.last_name AS created_by_name,
         uu.first_name || ' ' || uu.last_name AS updated_by_name,
         l.name AS lead_name, c.name AS contact_name, t.priority
    FROM tasks t
    LEFT JOIN users ua ON ua.id = t.assigned_to
    LEFT JOIN users uc ON uc.id = t.created_by
    LEFT JOIN users uu ON uu.id = t.updated_by
    LEFT JOIN leads l ON l.id = t.lead_id
    LEFT JOIN contacts c ON c.id = t.contact_id`;

/**
 * A row of SELECT_ROWS read in raw mode (an array, in the SELECT's column order), built into one
 * object literal: better-sqlite3's named-column rows cost about twice as much to make, which was
 * the largest part of serving a page of 100 tasks.
 */
function taskRowFrom(r: unknown[]): TaskRow {
  return {
    seq: r[0] as number,
    id: r[1] as string,
    organization_id: r[2] as string,
    type: r[3] as string,
    assigned_to: r[4] as string | null,
    lead_id: r[5] as string | null,
    contact_id: r[6] as string | null,
    created_by: r[7] as string | null,
    updated_by: r[8] as string | null,
    text: r[9] as string | null,
    date_text: r[10] as string,
    date_kind: r[11] as 0 | 1,
    date_sort: r[12] as number,
    is_dateless: r[13] as 0 | 1,
    is_complete: r[14] as 0 | 1,
    date_created: r[15] as string,
    date_updated: r[16] as string,
    object_type: r[17] as string | null,
    object_id: r[18] as string | null,
    extra: r[19] as string,
    assigned_to_name: r[20] as string | null,
    created_by_name: r[21] as string | null,
    updated_by_name: r[22] as string | null,
    lead_name: r[23] as string | null,
    contact_name: r[24] as string | null,
    priority: r[25] as 'high' | 'medium',
  };
}

function placeholders(n: number): string {
  return new Array(n).fill('?').join(',');
}

function rangeSql(column: string, r: Range, out: Sql): void {
  if (r.lo > Number.MIN_SAFE_INTEGER) {
    out.sql += ` AND ${column} >= ?`;
    out.params.push(r.lo);
  }
  if (r.hi < Number.MAX_SAFE_INTEGER) {
    out.sql += ` AND ${column} < ?`;
    out.params.push(r.hi);
  }
}

/** WHERE for everything but the date ranges, optionally pinned to one state. */
function baseWhere(q: TaskQuery, isComplete: 0 | 1 | null): Sql {
  const out: Sql = { sql: 'organization_id = ?', params: [q.organizationId] };
  if (q.assignedTo !== null) {
    out.sql += ' AND assigned_to = ?';
    out.params.push(q.assignedTo);
  }
  const state = isComplete ?? q.isComplete;
  if (state !== null) {
    out.sql += ' AND is_complete = ?';
    out.params.push(state);
  }
  if (q.ids) {
    out.sql += ` AND id IN (${placeholders(q.ids.length)})`;
    out.params.push(...q.ids);
  }
  if (q.types) {
    out.sql += ` AND type IN (${placeholders(q.types.length)})`;
    out.params.push(...q.types);
  }
  if (q.leadId !== null) {
    out.sql += ' AND lead_id = ?';
    out.params.push(q.leadId);
  }
  rangeSql('date_created_ms', q.createdRange, out);
  rangeSql('date_updated_ms', q.updatedRange, out);
  return out;
}

/** The full WHERE, both date kinds. Null when nothing can match. */
function fullWhere(q: TaskQuery): Sql | null {
  if (q.empty || isEmptyRange(q.createdRange) || isEmptyRange(q.updatedRange)) return null;
  const kinds = ([0, 1] as const).filter((k) => !isEmptyRange(q.dateRanges[k]));
  if (kinds.length === 0) return null;
  const out = baseWhere(q, null);
  // No date bound at all: leave the kinds out, so the planner is free to walk an ordering index.
  if (kinds.length === 2 && q.dateRanges.every((r) => r.lo === Number.MIN_SAFE_INTEGER && r.hi === Number.MAX_SAFE_INTEGER)) {
    return out;
  }
  const parts: string[] = [];
  for (const k of kinds) {
    const part: Sql = { sql: `date_kind = ${k}`, params: [] };
    rangeSql('date_sort', q.dateRanges[k], part);
    parts.push(`(${part.sql})`);
    out.params.push(...part.params);
  }
  out.sql += ` AND (${parts.join(' OR ')})`;
  return out;
}

type Cursor = { seq: number; key: number; kind: 0 | 1 };

export function createTaskRepository(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  // Filters vary in shape (lists of ids or types), so statements are cached by their SQL text.
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      if (statements.size > 500) statements.clear();
      s = db.prepare<unknown[]>(sql);
      statements.set(sql, s);
    }
    return s;
  };

  function listByDate(q: TaskQuery, descending: boolean, take: number): Cursor[] {
    const shift = q.offsetHours * 3_600_000;
    const states: (0 | 1)[] = q.isComplete === null ? [0, 1] : [q.isComplete];
    const dir = descending ? 'DESC' : 'ASC';
    const streams: Cursor[][] = [];
    for (const kind of [0, 1] as const) {
      if (isEmptyRange(q.dateRanges[kind])) continue;
      for (const state of states) {
        const where = baseWhere(q, state);
        where.sql += ` AND date_kind = ${kind}`;
        rangeSql('date_sort', q.dateRanges[kind], where);
        const rows = prepare(
          `SELECT seq, date_sort FROM tasks WHERE ${where.sql} ORDER BY date_sort ${dir}, seq ${dir} LIMIT ?`,
        ).all(...where.params, take) as { seq: number; date_sort: number }[];
        streams.push(rows.map((r) => ({ seq: r.seq, key: kind === 0 ? r.date_sort - shift : r.date_sort, kind })));
      }
    }
    const sign = descending ? -1 : 1;
    const compare = (a: Cursor, b: Cursor) => sign * (a.key - b.key || a.kind - b.kind || a.seq - b.seq);
    return mergeSorted(streams, compare, take);
  }

  /** Seqs matching a filter, unordered. */
  function matchingSeqs(q: TaskQuery): number[] {
    const where = fullWhere(q);
    if (!where) return [];
    return (prepare(`SELECT seq FROM tasks WHERE ${where.sql}`).all(...where.params) as { seq: number }[]).map((r) => r.seq);
  }

  // Row readers in raw mode, cached apart from `prepare`'s statements.
  const rowStatements = new Map<string, Statement<unknown[]>>();
  const prepareRows = (sql: string) => {
    let s = rowStatements.get(sql);
    if (!s) {
      if (rowStatements.size > 500) rowStatements.clear();
      s = db.prepare<unknown[]>(sql).raw(true);
      rowStatements.set(sql, s);
    }
    return s;
  };

  const leadInOrganization = db.prepare('SELECT 1 FROM leads WHERE id = ? AND organization_id = ?');
  const contactOfLead = db.prepare('SELECT 1 FROM contacts WHERE id = ? AND lead_id = ?');
  const insertTask = createTaskInserter(db);
  const seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM tasks WHERE id = ?');
  const deleteTask = db.prepare('DELETE FROM tasks WHERE seq = ?');

  return {
    /** Whether the lead is the organization's: a task can only name a lead of its own organization. */
    leadInOrganization(leadId: string, organizationId: string): boolean {
      return leadInOrganization.get(leadId, organizationId) !== undefined;
    },

    /** Whether the contact is one of the lead's. */
    contactOfLead(contactId: string, leadId: string): boolean {
      return contactOfLead.get(contactId, leadId) !== undefined;
    },

    /** Stores a new task; answers its seq. */
    insert(row: NewTaskRow): number {
      insertTask(row);
      return seqOf.get(row.id)!.seq;
    },

    deleteBySeq(seq: number): void {
      deleteTask.run(seq);
    },

    /** Seqs of one page in Close's order, and whether more follow. */
    listPage(q: TaskQuery, orderBy: TaskOrderBy, limit: number, skip: number): { seqs: number[]; hasMore: boolean } {
      if (limit === 0 && skip === 0) {
        const where = fullWhere(q);
        const any = where ? prepare(`SELECT 1 FROM tasks WHERE ${where.sql} LIMIT 1`).get(...where.params) : undefined;
        return { seqs: [], hasMore: any !== undefined };
      }
      const take = skip + limit + 1;
      if (q.empty || isEmptyRange(q.createdRange) || isEmptyRange(q.updatedRange)) return { seqs: [], hasMore: false };
      if (orderBy === 'date' || orderBy === '-date') {
        const merged = listByDate(q, orderBy === '-date', take);
        return { seqs: merged.slice(skip, skip + limit).map((c) => c.seq), hasMore: merged.length > skip + limit };
      }
      const where = fullWhere(q);
      if (!where) return { seqs: [], hasMore: false };
      const dir = orderBy === '-date_created' ? 'DESC' : 'ASC';
      const rows = prepare(
        `SELECT seq FROM tasks WHERE ${where.sql} ORDER BY date_created_ms ${dir}, seq ${dir} LIMIT ? OFFSET ?`,
      ).all(...where.params, limit + 1, skip) as { seq: number }[];
      return { seqs: rows.slice(0, limit).map((r) => r.seq), hasMore: rows.length > limit };
    },

    /** Full rows for seqs, in the order given. */
    rowsBySeq(seqs: number[]): TaskRow[] {
      if (seqs.length === 0) return [];
      const rows = (prepareRows(`${SELECT_ROWS} WHERE t.seq IN (${placeholders(seqs.length)})`).all(...seqs) as unknown[][]).map(taskRowFrom);
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      return seqs.map((s) => bySeq.get(s)).filter((r): r is TaskRow => r !== undefined);
    },

    findById(organizationId: string, id: string): TaskRow | undefined {
      const row = prepareRows(`${SELECT_ROWS} WHERE t.id = ? AND t.organization_id = ?`).get(id, organizationId) as unknown[] | undefined;
      return row && taskRowFrom(row);
    },

    /** Applies a compiled change (task-changes.ts) to one task. */
    updateBySeq(seq: number, set: SetClause): void {
      prepare(`UPDATE tasks SET ${set.sql} WHERE seq = ?`).run(...set.params, seq);
    },

    /** Applies a compiled change to every task matching a filter, all or none; answers how many. */
    updateMatching(q: TaskQuery, set: SetClause): number {
      return db.transaction(() => {
        const seqs = matchingSeqs(q);
        const update = prepare(`UPDATE tasks SET ${set.sql} WHERE seq = ?`);
        for (const seq of seqs) update.run(...set.params, seq);
        return seqs.length;
      })();
    },
  };
}

export type TaskRepository = ReturnType<typeof createTaskRepository>;

/** k-way merge of sorted streams, stopping after `take` items. */
export function mergeSorted<T>(streams: T[][], compare: (a: T, b: T) => number, take: number): T[] {
  if (streams.length === 1) return streams[0]!.slice(0, take);
  const idx = streams.map(() => 0);
  const out: T[] = [];
  while (out.length < take) {
    let best = -1;
    for (let s = 0; s < streams.length; s++) {
      const item = streams[s]![idx[s]!];
      if (item === undefined) continue;
      if (best === -1 || compare(item, streams[best]![idx[best]!]!) < 0) best = s;
    }
    if (best === -1) break;
    out.push(streams[best]![idx[best]!]!);
    idx[best] = idx[best]! + 1;
  }
  return out;
}
