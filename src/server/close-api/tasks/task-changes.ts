/**
 * The writable fields of a task (`assigned_to`, `date`, `is_complete`, `priority`, and `text` on
 * lead tasks), validated against the organization and compiled to one SQL SET clause. Single and
 * bulk updates share it, so both accept and refuse exactly the same input.
 */
import { formatCloseDate, formatCloseDateTime, parseCloseDate } from '@/shared/close/dates';
import type { Db } from '../../db/open-database';

export type TaskChangesInput = {
  assigned_to?: string | undefined;
  date?: string | null | undefined;
  due_date?: string | null | undefined;
  is_complete?: boolean | undefined;
  text?: string | undefined;
  priority?: 'high' | 'medium' | undefined;
};

export type SetClause = { sql: string; params: unknown[]; changed: boolean };

export function userInOrganization(db: Db, userId: string, organizationId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM memberships WHERE user_id = ? AND organization_id = ?').get(userId, organizationId) !== undefined
  );
}

/**
 * Validates the values (errors into `fieldErrors`) and builds the SET clause, stamping
 * `updated_by` and `date_updated`. `date: null` makes a task dateless: its date falls back to its
 * creation time (so it stays in the inbox) and `is_dateless` becomes true.
 */
export function compileTaskChanges(
  db: Db,
  input: TaskChangesInput,
  ctx: { organizationId: string; userId: string; nowMs: number },
  fieldErrors: Record<string, string>,
): SetClause {
  const sets: string[] = [];
  const params: unknown[] = [];
  if (input.assigned_to !== undefined) {
    if (!userInOrganization(db, input.assigned_to, ctx.organizationId)) {
      fieldErrors.assigned_to = 'Unknown user: not a member of this organization.';
    } else {
      sets.push('assigned_to = ?');
      params.push(input.assigned_to);
    }
  }
  const dateField = input.date !== undefined ? 'date' : input.due_date !== undefined ? 'due_date' : null;
  if (dateField) {
    const value = dateField === 'date' ? input.date : input.due_date;
    if (value === null) {
      sets.push('date_text = date_created, date_kind = 1, date_sort = date_created_ms, is_dateless = 1');
    } else {
      const parsed = parseCloseDate(value!);
      if (!parsed) fieldErrors[dateField] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
      else {
        sets.push('date_text = ?, date_kind = ?, date_sort = ?, is_dateless = 0');
        params.push(formatCloseDate(parsed), parsed.kind, parsed.epochMs);
      }
    }
  }
  if (input.is_complete !== undefined) {
    sets.push('is_complete = ?');
    params.push(input.is_complete ? 1 : 0);
  }
  if (input.text !== undefined) {
    sets.push('text = ?');
    params.push(input.text);
  }
  if (input.priority !== undefined) {
    sets.push('priority = ?');
    params.push(input.priority);
  }
  const changed = sets.length > 0;
  sets.push('updated_by = ?, date_updated = ?, date_updated_ms = ?');
  params.push(ctx.userId, formatCloseDateTime(ctx.nowMs), ctx.nowMs);
  return { sql: sets.join(', '), params, changed };
}
