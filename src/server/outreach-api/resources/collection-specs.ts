/** What each collection can be filtered and sorted by, following Outreach's reference badges. */
import type { CollectionSpec, Column } from '../http/keyset-page';

const int = (sql: string): Column => ({ sql, kind: 'int' });
const text = (sql: string): Column => ({ sql, kind: 'text' });
const time = (sql: string): Column => ({ sql, kind: 'time' });
/** Nullable times sort as if before every real time, so the keyset order stays total. */
const nullableTime = (sql: string): Column => ({ sql: `COALESCE(${sql}, -1)`, kind: 'time' });

export const TASK_COLLECTION: CollectionSpec = {
  table: 'tasks',
  filters: {
    id: int('tasks.id'),
    state: text('tasks.state'),
    taskType: text('tasks.task_type'),
    dueAt: time('tasks.due_ms'),
    createdAt: time('tasks.created_ms'),
    updatedAt: time('tasks.updated_ms'),
    stateChangedAt: time('tasks.state_changed_ms'),
    scheduledAt: time('tasks.scheduled_ms'),
    autoskipAt: time('tasks.autoskip_ms'),
    'owner.id': int('tasks.owner_id'),
    'prospect.id': int('tasks.prospect_id'),
    'account.id': int('tasks.account_id'),
    'completer.id': int('tasks.completer_id'),
    'sequence.id': int('tasks.sequence_id'),
    'sequenceStep.id': int('tasks.sequence_step_id'),
    'sequenceState.id': int('tasks.sequence_state_id'),
    'taskPriority.id': int('tasks.task_priority_id'),
  },
  sorts: {
    id: int('tasks.id'),
    dueAt: time('tasks.due_ms'),
    createdAt: time('tasks.created_ms'),
    updatedAt: time('tasks.updated_ms'),
    stateChangedAt: time('tasks.state_changed_ms'),
    scheduledAt: nullableTime('tasks.scheduled_ms'),
    autoskipAt: nullableTime('tasks.autoskip_ms'),
    state: text('tasks.state'),
    taskType: text('tasks.task_type'),
  },
};

export const USER_COLLECTION: CollectionSpec = {
  table: 'users',
  filters: {
    id: int('users.id'), email: text('users.email'), firstName: text('users.first_name'), lastName: text('users.last_name'),
    username: text('users.username'), createdAt: time('users.created_ms'), updatedAt: time('users.updated_ms'),
  },
  sorts: {
    id: int('users.id'), email: text('users.email'), firstName: text('users.first_name'), lastName: text('users.last_name'),
    username: text('users.username'), createdAt: time('users.created_ms'), updatedAt: time('users.updated_ms'),
  },
};

export const PROSPECT_COLLECTION: CollectionSpec = {
  table: 'prospects',
  filters: {
    id: int('prospects.id'), firstName: text('prospects.first_name'), lastName: text('prospects.last_name'), title: text('prospects.title'),
    'account.id': int('prospects.account_id'), 'owner.id': int('prospects.owner_id'), updatedAt: time('prospects.updated_ms'),
  },
  sorts: { id: int('prospects.id'), firstName: text('prospects.first_name'), lastName: text('prospects.last_name'), updatedAt: time('prospects.updated_ms') },
};

export const ACCOUNT_COLLECTION: CollectionSpec = {
  table: 'accounts',
  filters: { id: int('accounts.id'), name: text('accounts.name'), domain: text('accounts.domain'), updatedAt: time('accounts.updated_ms') },
  sorts: { id: int('accounts.id'), name: text('accounts.name'), updatedAt: time('accounts.updated_ms') },
};

export const SEQUENCE_COLLECTION: CollectionSpec = {
  table: 'sequences',
  filters: { id: int('sequences.id'), name: text('sequences.name') },
  sorts: { id: int('sequences.id'), name: text('sequences.name') },
};

export const SEQUENCE_STEP_COLLECTION: CollectionSpec = {
  table: 'sequence_steps',
  filters: { id: int('sequence_steps.id'), 'sequence.id': int('sequence_steps.sequence_id'), stepType: text('sequence_steps.step_type'), order: int('sequence_steps.step_order') },
  sorts: { id: int('sequence_steps.id'), order: int('sequence_steps.step_order') },
};

export const SEQUENCE_STATE_COLLECTION: CollectionSpec = {
  table: 'sequence_states',
  filters: { id: int('sequence_states.id'), state: text('sequence_states.state'), 'prospect.id': int('sequence_states.prospect_id'), 'sequence.id': int('sequence_states.sequence_id') },
  sorts: { id: int('sequence_states.id') },
};

export const TASK_PRIORITY_COLLECTION: CollectionSpec = {
  table: 'task_priorities',
  filters: { id: int('task_priorities.id'), name: text('task_priorities.name'), weight: int('task_priorities.weight') },
  sorts: { id: int('task_priorities.id'), name: text('task_priorities.name'), weight: int('task_priorities.weight') },
};

export type CollectionSpecName =
  | 'USER_COLLECTION' | 'PROSPECT_COLLECTION' | 'ACCOUNT_COLLECTION' | 'SEQUENCE_COLLECTION'
  | 'SEQUENCE_STEP_COLLECTION' | 'SEQUENCE_STATE_COLLECTION' | 'TASK_PRIORITY_COLLECTION';
