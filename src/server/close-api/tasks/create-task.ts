import { formatCloseDate, formatCloseDateTime, parseCloseDate } from '@/shared/close/dates';
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
  const leadInOrg = deps.db.prepare('SELECT 1 FROM leads WHERE id = ? AND organization_id = ?');
  const contactOfLead = deps.db.prepare('SELECT 1 FROM contacts WHERE id = ? AND lead_id = ?');
  const insert = deps.db.prepare(
    `INSERT INTO tasks (id, organization_id, type, assigned_to, lead_id, contact_id, created_by, updated_by, text,
       date_text, date_kind, date_sort, is_dateless, is_complete, date_created, date_created_ms, date_updated,
       date_updated_ms, object_type, object_id, extra)
     VALUES (@id, @organization_id, @type, @assigned_to, @lead_id, @contact_id, @user, @user, @text,
       @date_text, @date_kind, @date_sort, @is_dateless, @is_complete, @now_text, @now, @now_text, @now,
       @object_type, @object_id, '{}')`,
  );
  return async (c: CloseApiContext) => {
    const ctx = serializeContext(c, deps);
    const parsed = CreateTaskBodySchema.safeParse(await readJsonObject(c));
    if (!parsed.success) throw badRequest(fieldErrorsFrom(parsed.error));
    const body = parsed.data;
    const user = c.get('user');
    const type = body._type ?? 'lead';
    const fieldErrors: Record<string, string> = {};
    if (!leadInOrg.get(body.lead_id, user.organization_id)) fieldErrors.lead_id = 'Unknown lead.';
    const assignee = body.assigned_to ?? user.id;
    if (!userInOrganization(deps.db, assignee, user.organization_id)) {
      fieldErrors.assigned_to = 'Unknown user: not a member of this organization.';
    }
    if (type === 'lead' && !body.text?.trim()) fieldErrors.text = 'A lead task needs a text.';
    if (type === 'outgoing_call' && !body.contact_id) fieldErrors.contact_id = 'An outgoing call needs the contact to call.';
    if (body.contact_id && !fieldErrors.lead_id && !contactOfLead.get(body.contact_id, body.lead_id)) {
      fieldErrors.contact_id = 'Unknown contact for this lead.';
    }
    const dateInput = body.date !== undefined ? body.date : body.due_date;
    const dateField = body.date !== undefined ? 'date' : 'due_date';
    const date = dateInput ? parseCloseDate(dateInput) : null;
    if (dateInput && !date) fieldErrors[dateField] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);

    const now = ctx.nowMs;
    const id = newId('task');
    const seq = insert.run({
      id,
      organization_id: user.organization_id,
      type,
      assigned_to: assignee,
      lead_id: body.lead_id,
      contact_id: body.contact_id ?? null,
      user: user.id,
      text: body.text ?? '',
      date_text: date ? formatCloseDate(date) : formatCloseDateTime(now),
      date_kind: date ? date.kind : 1,
      date_sort: date ? date.epochMs : now,
      is_dateless: date ? 0 : 1,
      is_complete: body.is_complete ? 1 : 0,
      now_text: formatCloseDateTime(now),
      now,
      object_type: type === 'outgoing_call' ? 'call' : null,
      object_id: type === 'outgoing_call' ? newId('acti') : null,
    }).lastInsertRowid;
    return c.json(serializeTask(deps.tasks.rowsBySeq([Number(seq)])[0]!, ctx));
  };
}
