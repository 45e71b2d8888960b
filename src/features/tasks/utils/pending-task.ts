import type { CreateTaskBody, Me, Task, User } from '@/shared/close/schemas';

export const PENDING_TASK_PREFIX = 'pending_';
let pendingSeq = 0;

/**
 * The task the new-task form is creating, as the lists show it until the server answers: what
 * the form knows (lead, text, date, assignee) plus what Close fills in itself (creator, creation
 * time, organization). Its id is not a Close id; the server's task takes its place on success.
 */
export function pendingTaskOf(
  body: CreateTaskBody,
  context: { me: Me; assignee: Pick<User, 'id' | 'first_name' | 'last_name' | 'email'> | null; leadName: string; nowMs: number },
): Task {
  const { me, assignee, leadName, nowMs } = context;
  const now = new Date(nowMs).toISOString();
  const name = (user: Pick<User, 'first_name' | 'last_name' | 'email'>) => `${user.first_name} ${user.last_name}`.trim() || user.email;
  return {
    id: `${PENDING_TASK_PREFIX}${++pendingSeq}`,
    _type: body._type ?? 'lead',
    lead_id: body.lead_id,
    lead_name: leadName,
    text: body.text ?? '',
    date: body.date ?? null,
    is_complete: false,
    assigned_to: body.assigned_to ?? me.id,
    assigned_to_name: assignee ? name(assignee) : body.assigned_to && body.assigned_to !== me.id ? null : name(me),
    created_by: me.id,
    created_by_name: name(me),
    updated_by: me.id,
    updated_by_name: name(me),
    date_created: now,
    date_updated: now,
    organization_id: me.organizations[0]?.id ?? '',
  };
}
