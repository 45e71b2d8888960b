/**
 * What completing a sequence step task does to its sequence, as Outreach's reference says: the
 * prospect's sequence state moves to the next step (and that step's task is created) unless the
 * completion finishes the sequence (`finish_no_reply`, `finish_replied`). Triage must never advance
 * a sequence by accident, so the stand-in makes the advance visible: a new task appears.
 */
import type { Db } from '../../db/open-database';
import type { TaskRow } from './task-values';

const ACTION_OF_STEP: Record<string, string> = {
  auto_email: 'email', manual_email: 'email', call: 'call', task: 'action_item', in_person: 'in_person',
};
const TASK_TYPE_OF_STEP: Record<string, string> = {
  auto_email: 'sequence_step_email', manual_email: 'sequence_step_email', call: 'sequence_step_call', task: 'sequence_step_task',
  in_person: 'sequence_step_task',
};

export function isSequenceStepTask(task: TaskRow): boolean {
  return task.task_type.startsWith('sequence_step_') && task.sequence_state_id !== null;
}

export function finishSequence(db: Db, task: TaskRow, nowMs: number): void {
  if (task.sequence_state_id === null) return;
  db.prepare(`UPDATE sequence_states SET state = 'finished', updated_ms = ? WHERE id = ?`).run(nowMs, task.sequence_state_id);
}

/** Moves the task's sequence state to the step after the task's own; returns the new task's id. */
export function advanceSequence(db: Db, task: TaskRow, nowMs: number): number | null {
  if (task.sequence_state_id === null || task.sequence_step_id === null) return null;
  const current = db.prepare('SELECT sequence_id, step_order FROM sequence_steps WHERE id = ?').get(task.sequence_step_id) as
    | { sequence_id: number; step_order: number }
    | undefined;
  if (!current) return null;
  const next = db
    .prepare('SELECT id, step_type, interval_s, task_note FROM sequence_steps WHERE sequence_id = ? AND step_order > ? ORDER BY step_order LIMIT 1')
    .get(current.sequence_id, current.step_order) as { id: number; step_type: string; interval_s: number; task_note: string | null } | undefined;
  if (!next) {
    finishSequence(db, task, nowMs);
    return null;
  }
  db.prepare(`UPDATE sequence_states SET step_id = ?, state = 'active', updated_ms = ? WHERE id = ?`).run(next.id, nowMs, task.sequence_state_id);
  const due = nowMs + next.interval_s * 1000;
  const info = db
    .prepare(
      `INSERT INTO tasks (action, task_type, state, note, due_ms, state_changed_ms, created_ms, updated_ms, owner_id, prospect_id,
         account_id, sequence_id, sequence_step_id, sequence_state_id, task_priority_id)
       VALUES (?, ?, 'incomplete', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ACTION_OF_STEP[next.step_type] ?? 'action_item', TASK_TYPE_OF_STEP[next.step_type] ?? 'sequence_step_task', next.task_note,
      due, nowMs, nowMs, nowMs, task.owner_id, task.prospect_id, task.account_id, task.sequence_id, next.id, task.sequence_state_id,
      task.task_priority_id,
    );
  return Number(info.lastInsertRowid);
}
