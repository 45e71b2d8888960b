/**
 * `POST /tasks` and `PATCH /tasks/{id}`: a JSON:API resource object. Writable as Outreach's
 * reference marks them: attributes action, autoskipAt, dueAt, note, opportunityAssociation;
 * relationships owner, taskPriority, and (on create) prospect, account or subject. A read-only or
 * unknown member is a 422 naming it by `source.pointer`. Tasks created here are `manual`.
 */
import { type OutreachApiContext, type OutreachApiDeps, jsonApi } from '../http/outreach-api-env';
import { resourceNotFound, validationError } from '../http/outreach-api-error';
import { readJsonApiData } from '../http/read-json-api-body';
import { resourceDocument } from '../resources/read-resources';
import { TASK, type Row } from '../resources/resource-types';
import { OPPORTUNITY_ASSOCIATIONS, TASK_ACTIONS, parseDateTime, readTask, relationshipId, rowExists, updateTaskColumns, userExists } from './task-values';

const WRITABLE_ATTRIBUTES = new Set(['action', 'autoskipAt', 'dueAt', 'note', 'opportunityAssociation']);
const WRITABLE_ON_UPDATE = new Set(['owner', 'taskPriority']);
const WRITABLE_ON_CREATE = new Set(['owner', 'taskPriority', 'prospect', 'account', 'subject']);

type Parsed = { columns: Record<string, unknown> };

function parseTaskObject(deps: OutreachApiDeps, data: Record<string, unknown>, creating: boolean): Parsed {
  if (data.type !== 'task') throw validationError('data.type must be "task".', { pointer: '/data/type' });
  const attributes = (data.attributes ?? {}) as Record<string, unknown>;
  const relationships = (data.relationships ?? {}) as Record<string, unknown>;
  if (typeof attributes !== 'object' || Array.isArray(attributes)) throw validationError('attributes must be an object.', { pointer: '/data/attributes' });
  if (typeof relationships !== 'object' || Array.isArray(relationships)) throw validationError('relationships must be an object.', { pointer: '/data/relationships' });
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const pointer = `/data/attributes/${name}`;
    if (!WRITABLE_ATTRIBUTES.has(name)) throw validationError(`${name} cannot be written.`, { pointer });
    if (name === 'action') {
      if (!TASK_ACTIONS.includes(value as never)) throw validationError(`action must be one of ${TASK_ACTIONS.join(', ')}.`, { pointer });
      columns.action = value;
    } else if (name === 'dueAt') {
      columns.due_ms = parseDateTime(value, 'dueAt', { pointer });
    } else if (name === 'autoskipAt') {
      columns.autoskip_ms = value === null ? null : parseDateTime(value, 'autoskipAt', { pointer });
    } else if (name === 'note') {
      if (value !== null && (typeof value !== 'string' || value.length > 65_535)) throw validationError('note must be a string of at most 65535 characters.', { pointer });
      columns.note = value;
    } else {
      if (value !== null && !OPPORTUNITY_ASSOCIATIONS.includes(value as never)) {
        throw validationError(`opportunityAssociation must be one of ${OPPORTUNITY_ASSOCIATIONS.join(', ')}.`, { pointer });
      }
      columns.opportunity_association = value;
    }
  }
  const allowed = creating ? WRITABLE_ON_CREATE : WRITABLE_ON_UPDATE;
  for (const name of Object.keys(relationships)) {
    if (!allowed.has(name)) throw validationError(`The relationship ${name} cannot be written.`, { pointer: `/data/relationships/${name}` });
  }
  const owner = relationshipId(relationships, 'owner', ['user']);
  if (owner !== undefined) {
    if (owner === null || !userExists(deps.db, owner)) throw validationError('owner must be an active user.', { pointer: '/data/relationships/owner' });
    columns.owner_id = owner;
  }
  const priority = relationshipId(relationships, 'taskPriority', ['taskPriority']);
  if (priority !== undefined) {
    if (priority !== null && !rowExists(deps.db, 'task_priorities', priority)) {
      throw validationError('taskPriority must be an existing task priority.', { pointer: '/data/relationships/taskPriority' });
    }
    columns.task_priority_id = priority;
  }
  if (creating) {
    const prospect = relationshipId(relationships, 'prospect', ['prospect']);
    const account = relationshipId(relationships, 'account', ['account']);
    const subjectType = (relationships.subject as { data?: { type?: string } } | undefined)?.data?.type;
    const subject = relationshipId(relationships, 'subject', ['prospect', 'account']);
    const prospectId = prospect ?? (subjectType === 'prospect' ? subject : undefined);
    if (prospectId != null) {
      if (!rowExists(deps.db, 'prospects', prospectId)) throw validationError('The prospect does not exist.', { pointer: '/data/relationships/prospect' });
      columns.prospect_id = prospectId;
      const of = deps.db.prepare('SELECT account_id FROM prospects WHERE id = ?').get(prospectId) as { account_id: number | null };
      columns.account_id = of.account_id;
    }
    const accountId = account ?? (subjectType === 'account' ? subject : undefined);
    if (accountId != null) {
      if (!rowExists(deps.db, 'accounts', accountId)) throw validationError('The account does not exist.', { pointer: '/data/relationships/account' });
      columns.account_id = accountId;
    }
  }
  return { columns };
}

export function createTask(deps: OutreachApiDeps) {
  return async (c: OutreachApiContext) => {
    const data = await readJsonApiData(c);
    const { columns } = parseTaskObject(deps, data, true);
    if (columns.action === undefined) throw validationError("action can't be blank.", { pointer: '/data/attributes/action' });
    if (columns.due_ms === undefined) throw validationError("dueAt can't be blank.", { pointer: '/data/attributes/dueAt' });
    if (columns.owner_id === undefined) throw validationError("owner can't be blank.", { pointer: '/data/relationships/owner' });
    const nowMs = deps.now();
    const row = {
      ...columns, task_type: 'manual', state: 'incomplete', state_changed_ms: nowMs, created_ms: nowMs, updated_ms: nowMs,
      creator_id: c.get('user').id,
    };
    const names = Object.keys(row);
    const info = deps.db
      .prepare(`INSERT INTO tasks (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((n) => (row as Record<string, unknown>)[n]));
    const created = readTask(deps.db, Number(info.lastInsertRowid)) as unknown as Row;
    c.header('Location', `${deps.publicUrl}/api/v2/tasks/${created.id}`);
    return jsonApi(c, resourceDocument(deps, c, TASK, created), 201);
  };
}

export function updateTask(deps: OutreachApiDeps) {
  return async (c: OutreachApiContext) => {
    const rawId = c.req.param('id') ?? '';
    const data = await readJsonApiData(c);
    const task = /^\d{1,15}$/.test(rawId) ? readTask(deps.db, Number(rawId)) : undefined;
    if (!task) throw resourceNotFound('task', rawId);
    if (data.id === undefined || String(data.id) !== String(task.id)) {
      throw validationError('data.id must be the id in the URL.', { pointer: '/data/id' });
    }
    const { columns } = parseTaskObject(deps, data, false);
    if (Object.keys(columns).length) updateTaskColumns(deps.db, task.id, columns, deps.now());
    return jsonApi(c, resourceDocument(deps, c, TASK, readTask(deps.db, task.id) as unknown as Row));
  };
}
