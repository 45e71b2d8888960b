/**
 * `POST /tasks/{id}/actions/{name}` with `actionParams[x]=…` in the query, as Outreach's member
 * actions: markComplete, snooze, reschedule, reassignOwner, updateNote, advance, deliver. An
 * unknown parameter is a 400; an action that cannot be performed (or a missing required
 * parameter) is a 422. Each answers the task as it now is. There is no reopen.
 */
import type { Context } from 'hono';
import { type OutreachApiContext, type OutreachApiDeps, jsonApi } from '../http/outreach-api-env';
import { OutreachApiError, badParameter, resourceNotFound, unsupportedMediaType, validationError } from '../http/outreach-api-error';
import { isJsonApi } from '../http/read-json-api-body';
import { resourceDocument } from '../resources/read-resources';
import { TASK, type Row } from '../resources/resource-types';
import { advanceSequence, finishSequence, isSequenceStepTask } from './sequence-progress';
import { DAY_MS, type TaskRow, parseDateTime, readTask, updateTaskColumns, userExists } from './task-values';

type ActionContext = { deps: OutreachApiDeps; task: TaskRow; params: Map<string, string>; userId: number; nowMs: number };
type Action = { params: readonly string[]; run(ctx: ActionContext): void };

const param = (name: string) => ({ parameter: `actionParams[${name}]` });

function required(ctx: ActionContext, name: string): string {
  const value = ctx.params.get(name);
  if (value === undefined) throw validationError(`actionParams[${name}] is required.`, param(name));
  return value;
}

function refuseIfComplete(task: TaskRow, what: string): void {
  if (task.state === 'complete') throw validationError(`A completed task cannot be ${what}.`);
}

function complete(ctx: ActionContext, extra: Record<string, unknown> = {}): void {
  updateTaskColumns(ctx.deps.db, ctx.task.id, {
    state: 'complete', completed_ms: ctx.nowMs, completer_id: ctx.userId, ...extra,
  }, ctx.nowMs);
}

const FINISHING = new Set(['finish_no_reply', 'finish_replied']);
const SEQUENCE_STEP_TYPES =
  "'sequence_step_call', 'sequence_step_email', 'sequence_step_linkedin_interact_with_post', 'sequence_step_linkedin_other', " +
  "'sequence_step_linkedin_send_connection_request', 'sequence_step_linkedin_send_message', 'sequence_step_linkedin_view_profile', " +
  "'sequence_step_sms' or 'sequence_step_task'";

const ACTIONS: Record<string, Action> = {
  markComplete: {
    params: ['completionNote', 'completionAction'],
    run(ctx) {
      if (ctx.task.state === 'complete') throw validationError('The task is already complete.');
      complete(ctx, { completion_note: ctx.params.get('completionNote') ?? null });
      if (!isSequenceStepTask(ctx.task)) return;
      // Anything but the two finishing values (blank included) advances the sequence state.
      if (FINISHING.has(ctx.params.get('completionAction') ?? '')) finishSequence(ctx.deps.db, ctx.task, ctx.nowMs);
      else advanceSequence(ctx.deps.db, ctx.task, ctx.nowMs);
    },
  },
  snooze: {
    params: ['dueAt', 'markAsUrgent'],
    run(ctx) {
      refuseIfComplete(ctx.task, 'snoozed');
      const given = ctx.params.get('dueAt');
      const due = given !== undefined
        ? parseDateTime(given, 'actionParams[dueAt]', param('dueAt'))
        : Math.max(ctx.nowMs, ctx.task.due_ms) + DAY_MS;
      const changes: Record<string, unknown> = { due_ms: due };
      const urgent = ctx.params.get('markAsUrgent');
      if (urgent !== undefined && urgent !== 'true' && urgent !== 'false') {
        throw validationError('actionParams[markAsUrgent] must be true or false.', param('markAsUrgent'));
      }
      if (urgent === 'true') {
        const top = ctx.deps.db.prepare('SELECT id FROM task_priorities ORDER BY weight DESC LIMIT 1').get() as { id: number } | undefined;
        if (top) changes.task_priority_id = top.id;
      }
      updateTaskColumns(ctx.deps.db, ctx.task.id, changes, ctx.nowMs);
    },
  },
  reschedule: {
    params: ['dueAt'],
    run(ctx) {
      const due = parseDateTime(required(ctx, 'dueAt'), 'actionParams[dueAt]', param('dueAt'));
      refuseIfComplete(ctx.task, 'rescheduled');
      updateTaskColumns(ctx.deps.db, ctx.task.id, { due_ms: due }, ctx.nowMs);
    },
  },
  reassignOwner: {
    params: ['ownerId'],
    run(ctx) {
      const raw = required(ctx, 'ownerId');
      const ownerId = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
      if (!userExists(ctx.deps.db, ownerId)) throw validationError(`There is no active user with ID '${raw}'.`, param('ownerId'));
      updateTaskColumns(ctx.deps.db, ctx.task.id, { owner_id: ownerId }, ctx.nowMs);
    },
  },
  updateNote: {
    params: ['note'],
    run(ctx) {
      const note = required(ctx, 'note');
      if (note.length > 65_535) throw validationError('The note is longer than 65535 characters.', param('note'));
      updateTaskColumns(ctx.deps.db, ctx.task.id, { note }, ctx.nowMs);
    },
  },
  advance: {
    params: [],
    run(ctx) {
      if (!isSequenceStepTask(ctx.task)) throw validationError(`Only tasks with task_type of ${SEQUENCE_STEP_TYPES} can be advanced.`);
      refuseIfComplete(ctx.task, 'advanced');
      complete(ctx);
      advanceSequence(ctx.deps.db, ctx.task, ctx.nowMs);
    },
  },
  deliver: {
    params: [],
    run(ctx) {
      if (ctx.task.action !== 'email') throw validationError('Only an email task has a mailing to deliver.');
      refuseIfComplete(ctx.task, 'delivered');
      complete(ctx);
      if (isSequenceStepTask(ctx.task)) advanceSequence(ctx.deps.db, ctx.task, ctx.nowMs);
    },
  },
};

/** `actionParams[x]` of the query; anything the action does not take is a 400, as Outreach answers. */
function readActionParams(c: Context, allowed: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(c.req.query())) {
    const m = /^actionParams\[([A-Za-z]+)\]$/.exec(key);
    if (!m) {
      if (key.startsWith('actionParams')) throw badParameter(key, `${key} is not an action parameter.`);
      continue;
    }
    if (!allowed.includes(m[1]!)) throw badParameter(key, `${key} is not accepted by this action${allowed.length ? `; it takes ${allowed.join(', ')}` : ''}.`);
    params.set(m[1]!, value);
  }
  return params;
}

export function runTaskAction(deps: OutreachApiDeps) {
  return async (c: OutreachApiContext) => {
    const name = c.req.param('action') ?? '';
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name]! : undefined;
    if (!action) {
      throw new OutreachApiError(404, [{ id: 'resourceNotFound', title: 'Resource Not Found', detail: `Tasks have no action '${name}'.` }]);
    }
    // Actions take their input in the query; a body, if sent, must still be JSON:API.
    if ((c.req.header('content-length') ?? '0') !== '0' && !isJsonApi(c)) throw unsupportedMediaType();
    const rawId = c.req.param('id') ?? '';
    const task = /^\d{1,15}$/.test(rawId) ? readTask(deps.db, Number(rawId)) : undefined;
    if (!task) throw resourceNotFound('task', rawId);
    const params = readActionParams(c, action.params);
    const nowMs = deps.now();
    deps.db.transaction(() => action.run({ deps, task, params, userId: c.get('user').id, nowMs }))();
    return jsonApi(c, resourceDocument(deps, c, TASK, readTask(deps.db, task.id) as unknown as Row));
  };
}
