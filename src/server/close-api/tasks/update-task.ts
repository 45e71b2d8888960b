import { UpdateTaskBodySchema, fieldErrorsFrom } from '@/shared/close/schemas';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import type { CloseApiContext, CloseApiDeps } from '../close-api-deps';
import { findTaskOr404, serializeContext } from './get-task';
import { serializeTask } from './serialize-task';
import { compileTaskChanges } from './task-changes';

/** `PUT /task/{id}/`: assigned_to, date, is_complete, priority on every task; text on lead tasks only. */
export function updateTask(deps: CloseApiDeps) {
  return async (c: CloseApiContext) => {
    const ctx = serializeContext(c, deps);
    const row = findTaskOr404(c, deps);
    const parsed = UpdateTaskBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const fieldErrors: Record<string, string> = {};
    if (parsed.data.completion_note !== undefined) {
      fieldErrors.completion_note = 'Close keeps no note with a completion: put it in the task text or a note on the lead.';
    }
    if (parsed.data.text !== undefined && row.type !== 'lead') {
      fieldErrors.text = `Only lead tasks have editable text; this task is of type ${row.type}.`;
    }
    const user = c.get('user');
    const set = compileTaskChanges(
      deps.db,
      parsed.data,
      { organizationId: user.organization_id, userId: user.id, nowMs: ctx.nowMs },
      fieldErrors,
    );
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    if (set.changed) deps.tasks.updateBySeq(row.seq, set);
    return c.json(serializeTask(deps.tasks.rowsBySeq([row.seq])[0]!, ctx));
  };
}
