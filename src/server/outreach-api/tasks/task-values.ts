/** Checks of task values as Outreach states them, shared by POST, PATCH and the actions. */
import type { Db } from '../../db/open-database';
import type { OutreachErrorObject } from '../http/outreach-api-error';
import { validationError } from '../http/outreach-api-error';

export const TASK_ACTIONS = ['action_item', 'call', 'email', 'in_person'] as const;
export const OPPORTUNITY_ASSOCIATIONS = ['recent_created', 'recent_updated', 'noop'] as const;
export const DAY_MS = 86_400_000;

export type TaskRow = {
  id: number;
  action: string;
  task_type: string;
  state: 'pending' | 'incomplete' | 'complete';
  note: string | null;
  due_ms: number;
  owner_id: number | null;
  prospect_id: number | null;
  account_id: number | null;
  sequence_id: number | null;
  sequence_step_id: number | null;
  sequence_state_id: number | null;
  task_priority_id: number | null;
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A date-time as epoch ms (no zone reads as UTC); a date alone is refused: dueAt is always a time. */
export function parseDateTime(value: unknown, name: string, source: OutreachErrorObject['source']): number {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) {
    throw validationError(`${name} must be an ISO 8601 date-time such as 2026-01-31T15:00:00Z.`, source);
  }
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(ms)) throw validationError(`${name} is not a valid date-time.`, source);
  return ms;
}

export function readTask(db: Db, id: number): TaskRow | undefined {
  return db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
}

export function userExists(db: Db, id: unknown): id is number {
  return typeof id === 'number' && Number.isInteger(id) && db.prepare('SELECT 1 FROM users WHERE id = ? AND locked = 0').get(id) !== undefined;
}

export function rowExists(db: Db, table: string, id: unknown): id is number {
  return typeof id === 'number' && Number.isInteger(id) && db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Applies column changes and stamps updated_ms (and stateChangedAt when the state moves). */
export function updateTaskColumns(db: Db, id: number, changes: Record<string, unknown>, nowMs: number): void {
  const set: Record<string, unknown> = { ...changes, updated_ms: nowMs };
  if ('state' in changes) set.state_changed_ms = nowMs;
  const names = Object.keys(set);
  db.prepare(`UPDATE tasks SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => set[n]), id);
}

/** A JSON:API relationship's `data` id (`{data: {type, id}}`), or undefined when absent. */
export function relationshipId(relationships: Record<string, unknown>, name: string, types: readonly string[]): number | null | undefined {
  if (!(name in relationships)) return undefined;
  const pointer = `/data/relationships/${name}`;
  const rel = relationships[name] as { data?: unknown } | null;
  if (!rel || typeof rel !== 'object' || !('data' in rel)) throw validationError(`${name} must be {"data": {"type", "id"}}.`, { pointer });
  if (rel.data === null) return null;
  const data = rel.data as { type?: unknown; id?: unknown };
  if (typeof data !== 'object' || !types.includes(String(data.type))) {
    throw validationError(`${name} must be a ${types.join(' or ')}.`, { pointer: `${pointer}/data/type` });
  }
  const id = typeof data.id === 'string' && /^\d+$/.test(data.id) ? Number(data.id) : data.id;
  if (typeof id !== 'number' || !Number.isInteger(id)) throw validationError(`${name}'s id must be an integer.`, { pointer: `${pointer}/data/id` });
  return id;
}
