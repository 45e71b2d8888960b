import { type CloseDate, DATE_ONLY, DATE_TIME } from '@/shared/close/dates';
import type { Task, TaskView } from '@/shared/close/schemas';
import { viewOfTaskDate } from '@/shared/close/task-view-rule';
import type { TaskRow } from './task-repository';

const MEDIA_KEYS = ['voicemail_url', 'recording_url'] as const;
/** Types whose wire shape carries `text` (Close's example: lead tasks and SMS). */
const TEXT_TYPES = new Set(['lead', 'incoming_sms', 'outgoing_call']);
const DATELESS_TYPES = new Set(['lead', 'outgoing_call']);

export type SerializeContext = { offsetHours: number; nowMs: number; publicUrl: string };

/** The view a task falls in for this user right now. */
export function viewOf(row: Pick<TaskRow, 'is_complete' | 'date_kind' | 'date_sort' | 'date_text'>, ctx: SerializeContext): TaskView {
  // The stored date as parsed: `date_sort` is the parsed date's epochMs (see insert-task.ts).
  const date: CloseDate =
    row.date_kind === DATE_ONLY ? { kind: DATE_ONLY, day: row.date_text, epochMs: row.date_sort } : { kind: DATE_TIME, epochMs: row.date_sort };
  return viewOfTaskDate(row.is_complete === 1, date, ctx.nowMs, ctx.offsetHours);
}

/** Demo media are stored root-relative; Close's clients expect absolute URLs on the API's host. */
function absolute(url: unknown, publicUrl: string): unknown {
  return typeof url === 'string' && url.startsWith('/') ? publicUrl + url : url;
}

/** A row as Close returns it: denormalized names and the type's own fields. */
export function serializeTask(row: TaskRow, ctx: SerializeContext): Task {
  const extra = JSON.parse(row.extra) as Record<string, unknown>;
  for (const key of MEDIA_KEYS) if (key in extra) extra[key] = absolute(extra[key], ctx.publicUrl);
  if (Array.isArray(extra.attachments)) {
    extra.attachments = (extra.attachments as Record<string, unknown>[]).map((a) => ({
      ...a,
      url: absolute(a.url, ctx.publicUrl),
      thumbnail_url: absolute(a.thumbnail_url, ctx.publicUrl),
    }));
  }
  const task: Record<string, unknown> = {
    ...extra,
    _type: row.type,
    assigned_to: row.assigned_to,
    assigned_to_name: row.assigned_to_name,
    contact_id: row.contact_id,
    contact_name: row.contact_name,
    created_by: row.created_by,
    created_by_name: row.created_by_name,
    date: row.date_text,
    date_created: row.date_created,
    date_updated: row.date_updated,
    id: row.id,
    is_complete: row.is_complete === 1,
    lead_id: row.lead_id,
    lead_name: row.lead_name,
    object_id: row.object_id,
    object_type: row.object_type,
    organization_id: row.organization_id,
    priority: row.priority,
    updated_by: row.updated_by,
    updated_by_name: row.updated_by_name,
    view: viewOf(row, ctx),
  };
  if (TEXT_TYPES.has(row.type)) task.text = row.text ?? '';
  if (DATELESS_TYPES.has(row.type)) task.is_dateless = row.is_dateless === 1;
  return task as Task;
}
