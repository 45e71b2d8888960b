import { parseCloseDate } from '@/shared/close/dates';
import { CreateTaskBodySchema, fieldErrorsFrom } from '@/shared/close/schemas';
import { newId } from '../../db/ids';
import { badRequest } from '../http/close-api-error';
import { readJsonObject } from '../http/read-json-body';
import type { CloseApiContext, CloseApiDeps } from '../close-api-deps';
import { serializeContext } from './get-task';
import { serializeTask } from './serialize-task';
import { userInOrganization } from './task-changes';

/**
 * `POST /task/`: lead tasks (Close's only creatable type) and outgoing calls to a contact.
 * Without a date the task is dateless: dated at its creation, so it is actionable now.
 */
export function createTask(deps: CloseApiDeps) {
  return async (c: CloseApiContext) => {
    const ctx = serializeContext(c, deps);
    const parsed = CreateTaskBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const body = parsed.data;
    const user = c.get('user');
    const type = body._type ?? 'lead';
    const fieldErrors: Record<string, string> = {};
    if (!deps.tasks.leadInOrganization(body.lead_id, user.organization_id)) fieldErrors.lead_id = 'Unknown lead.';
    const assignee = body.assigned_to ?? user.id;
    if (!userInOrganization(deps.db, assignee, user.organization_id)) {
      fieldErrors.assigned_to = 'Unknown user: not a member of this organization.';
    }
    if (type === 'lead' && !body.text?.trim()) fieldErrors.text = 'A lead task needs a text.';
    if (type === 'outgoing_call' && !body.contact_id) fieldErrors.contact_id = 'An outgoing call needs the contact to call.';
    if (body.contact_id && !fieldErrors.lead_id && !deps.tasks.contactOfLead(body.contact_id, body.lead_id)) {
      fieldErrors.contact_id = 'Unknown contact for this lead.';
    }
    const dateInput = body.date !== undefined ? body.date : body.due_date;
    const dateField = body.date !== undefined ? 'date' : 'due_date';
    const date = dateInput ? parseCloseDate(dateInput) : null;
    if (dateInput && !date) fieldErrors[dateField] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);

    const id = newId('task');
    const common = {
      id,
      organization_id: user.organization_id,
      assigned_to: assignee,
      lead_id: body.lead_id,
      contact_id: body.contact_id ?? null,
      created_by: user.id,
      updated_by: user.id,
      text: body.text ?? '',
      date: date ? dateInput! : null,
      is_complete: body.is_complete ?? false,
      date_created_ms: ctx.nowMs,
      date_updated_ms: ctx.nowMs,
      extra: {},
    };
    const seq = deps.tasks.insert(
      type === 'outgoing_call'
        ? { ...common, _type: 'outgoing_call', object_type: 'call', object_id: newId('acti') }
        : { ...common, _type: 'lead', object_type: null, object_id: null },
    );
    return c.json(serializeTask(deps.tasks.rowsBySeq([seq])[0]!, ctx));
  };
}
