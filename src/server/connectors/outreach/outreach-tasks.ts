/**
 * Outreach's tasks in the contract's shape (src/shared/close/schemas.ts), and the contract's
 * views as Outreach filters. Outreach's actions map onto the contract's task types: a call is an
 * `outgoing_call` (with the prospect's number), an email an `email_followup`, an action item or
 * in-person task a `lead` task (its note is the text). `date` is Outreach's `dueAt` (always a
 * date-time there); `is_complete` is `state === 'complete'`. Pending tasks (a sequence step not
 * yet due to run) are left out of every view: nobody can act on them yet. `priority` is `high` for
 * the organization's heaviest taskPriority and `medium` for any other or none; a sequence's task
 * carries the sequence's name and its step's order when they are included.
 */
import { z } from 'zod';
import { dayBoundsAt } from '@/shared/close/dates';
import type { Task, TaskOrderBy, TaskType, TaskView } from '@/shared/close/schemas';

const RelationSchema = z.object({ data: z.object({ type: z.string(), id: z.union([z.number(), z.string()]) }).nullable().optional() }).passthrough();

export const OutreachResourceSchema = z
  .object({
    type: z.string(),
    id: z.union([z.number(), z.string()]),
    attributes: z.record(z.string(), z.unknown()).default({}),
    relationships: z.record(z.string(), RelationSchema).optional(),
  })
  .passthrough();
export type OutreachResource = z.infer<typeof OutreachResourceSchema>;

export const OutreachDocumentSchema = z
  .object({
    data: z.union([OutreachResourceSchema, z.array(OutreachResourceSchema)]),
    included: z.array(OutreachResourceSchema).optional(),
    links: z.object({ next: z.string().optional() }).passthrough().optional(),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough();
export type OutreachDocument = z.infer<typeof OutreachDocumentSchema>;

const TYPE_OF_ACTION: Record<string, TaskType> = { call: 'outgoing_call', email: 'email_followup', action_item: 'lead', in_person: 'lead' };

/** The contract's types Outreach's tasks arrive as. */
export const OUTREACH_TASK_TYPES: readonly TaskType[] = ['lead', 'outgoing_call', 'email_followup'];

/** The Outreach actions behind a contract type, for `_type` / `_type__in` filters. */
export function actionsOfTypes(types: readonly TaskType[] | null): string[] | null {
  if (types === null) return null;
  return Object.entries(TYPE_OF_ACTION).filter(([, type]) => types.includes(type)).map(([action]) => action);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const idOf = (resource: OutreachResource | undefined, name: string): string | null => {
  const id = resource?.relationships?.[name]?.data?.id;
  return id === undefined || id === null ? null : String(id);
};

/** Included resources by `type:id`. */
export function includedIndex(doc: OutreachDocument): Map<string, OutreachResource> {
  return new Map((doc.included ?? []).map((r) => [`${r.type}:${r.id}`, r]));
}

function firstPhone(prospect: OutreachResource | undefined): string | null {
  if (!prospect) return null;
  for (const name of ['mobilePhones', 'workPhones', 'homePhones', 'voipPhones', 'otherPhones']) {
    const list = prospect.attributes[name];
    if (Array.isArray(list) && typeof list[0] === 'string') return list[0];
  }
  return null;
}

export type UserNames = ReadonlyMap<string, string>;

/** One of the organization's taskPriorities (`GET /taskPriorities`): `weight` orders them, heaviest first. */
export type OutreachPriority = { id: string; name: string; weight: number };

/** The contract's `high` is the organization's heaviest priority; every other one, and none, is `medium`. */
export function highestPriorityOf(priorities: readonly OutreachPriority[]): OutreachPriority | null {
  return priorities.reduce<OutreachPriority | null>((top, p) => (top === null || p.weight > top.weight ? p : top), null);
}

/**
 * One Outreach task as the contract's task. `organizationId` names the Outreach org (one per
 * token); `highPriorityId` is its heaviest taskPriority's id (null: it has none).
 */
export function contractTaskOf(task: OutreachResource, included: ReadonlyMap<string, OutreachResource>, names: UserNames, organizationId: string, highPriorityId: string | null = null): Task {
  const a = task.attributes;
  const action = String(a.action ?? 'action_item');
  const type = TYPE_OF_ACTION[action] ?? 'lead';
  const prospectId = idOf(task, 'prospect');
  const accountId = idOf(task, 'account');
  const ownerId = idOf(task, 'owner');
  const prospect = prospectId ? included.get(`prospect:${prospectId}`) : undefined;
  const account = accountId ? included.get(`account:${accountId}`) : undefined;
  const prospectName = text(prospect?.attributes.name);
  const note = text(a.note);
  const phone = type === 'outgoing_call' ? firstPhone(prospect) : null;
  const state = String(a.state ?? 'incomplete');
  const priorityId = idOf(task, 'taskPriority');
  const stepId = idOf(task, 'sequenceStep');
  const step = stepId ? included.get(`sequenceStep:${stepId}`) : undefined;
  const sequenceId = idOf(task, 'sequence') ?? idOf(step, 'sequence');
  const sequenceName = sequenceId ? text(included.get(`sequence:${sequenceId}`)?.attributes.name) : null;
  const stepOrder = step?.attributes.order;
  return {
    id: String(task.id),
    _type: type,
    assigned_to: ownerId,
    assigned_to_name: ownerId ? (names.get(ownerId) ?? null) : null,
    contact_id: prospectId,
    contact_name: prospectName,
    date: text(a.dueAt),
    date_created: text(a.createdAt) ?? new Date(0).toISOString(),
    date_updated: text(a.updatedAt) ?? text(a.createdAt) ?? new Date(0).toISOString(),
    is_complete: state === 'complete',
    // Outreach's account stands where Close's lead does (the company the work is for).
    lead_id: accountId,
    lead_name: text(account?.attributes.name) ?? text(prospect?.attributes.company),
    organization_id: organizationId,
    text: action === 'in_person' ? `In person${note ? `: ${note}` : ''}` : (note ?? (prospectName ? `${labelOf(action)} ${prospectName}` : labelOf(action))),
    ...(phone ? { phone } : {}),
    ...(type === 'email_followup' ? { subject: note } : {}),
    outreach_action: action,
    outreach_state: state,
    note,
    priority: priorityId !== null && priorityId === highPriorityId ? 'high' : 'medium',
    priority_id: priorityId,
    sequence_step_id: stepId,
    ...(sequenceName ? { sequence_name: sequenceName } : {}),
    ...(typeof stepOrder === 'number' ? { sequence_step_order: stepOrder } : {}),
  };
}

function labelOf(action: string): string {
  return action === 'call' ? 'Call' : action === 'email' ? 'Email' : 'To-do for';
}

/** Whether completing this task would move a sequence on (Outreach advances one unless told to finish). */
export function isSequenceTask(task: OutreachResource): boolean {
  return idOf(task, 'sequenceState') !== null || idOf(task, 'sequenceStep') !== null;
}

/** Outreach's `filter[...]` for a contract view, at `nowMs` in the person's zone (`offsetHours`). */
export function viewFilters(view: TaskView | null, nowMs: number, offsetHours: number): Record<string, string> {
  const { tomorrowStart } = dayBoundsAt(nowMs, offsetHours);
  if (view === 'archive') return { 'filter[state]': 'complete' };
  if (view === 'inbox') return { 'filter[state]': 'incomplete', 'filter[dueAt]': `neginf..${new Date(tomorrowStart - 1).toISOString()}` };
  if (view === 'future') return { 'filter[state]': 'incomplete', 'filter[dueAt]': `${new Date(tomorrowStart).toISOString()}..inf` };
  return { 'filter[state]': 'incomplete,complete' };
}

const SORT_OF_ORDER: Record<TaskOrderBy, string> = { date: 'dueAt', '-date': '-dueAt', date_created: 'createdAt', '-date_created': '-createdAt' };

export function outreachSort(orderBy: TaskOrderBy): string {
  return `${SORT_OF_ORDER[orderBy]},id`;
}
