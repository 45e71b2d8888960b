import type { Database } from 'better-sqlite3';
import { formatCloseDate, formatCloseDateTime, parseCloseDate } from '@/shared/close/dates';
import type { Attachment, TaskType } from '@/shared/close/schemas';

/**
 * Each task type's own wire fields, with Close's names. They are stored as JSON in `tasks.extra`
 * and merged into the task when it is serialized. Media URLs are root-relative (`/media/x.wav`):
 * the serializer makes them absolute on the embedded API's own host.
 */
export interface TaskExtraByType {
  lead: Record<string, never>;
  outgoing_call: Record<string, never>;
  incoming_email: { emails: string[]; subject: string; body_preview: string };
  email_followup: { email_id: string; subject: string; body_preview: string };
  missed_call: {
    phone: string;
    phone_formatted: string;
    phone_number_description: string | null;
    local_phone: string;
  };
  answered_detached_call: {
    phone: string;
    phone_formatted: string;
    phone_number_description: string | null;
    recording_url: string | null;
  };
  voicemail: {
    phone: string;
    phone_formatted: string;
    phone_number_description: string | null;
    local_phone: string;
    voicemail_duration: number;
    voicemail_url: string;
  };
  opportunity_due: {
    opportunity_note: string;
    /** In cents, as Close sends it: 130000 is $1,300. */
    opportunity_value: number;
    opportunity_value_currency: string;
    opportunity_value_formatted: string;
    opportunity_value_period: 'one_time' | 'monthly' | 'annual';
  };
  incoming_sms: {
    remote_phone: string;
    remote_phone_formatted: string;
    remote_phone_description: string | null;
    local_phone: string;
    attachments?: Attachment[];
  };
}

interface NewTaskBase {
  id: string;
  organization_id: string;
  assigned_to: string | null;
  lead_id: string | null;
  contact_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  /** Lead task text, SMS body or outgoing call note; null for the other types. */
  text: string | null;
  /**
   * The wire date as Close accepts it (`2025-03-10`, `2025-03-10T14:00:00-05:00`, ...); stored in
   * canonical form. null makes a dateless task, dated at its creation like Close does.
   */
  date: string | null;
  is_complete: boolean;
  date_created_ms: number;
  date_updated_ms: number;
  object_type: string | null;
  object_id: string | null;
}

/** One row to insert: the `_type` decides which `extra` fields it carries. */
export type NewTaskRow = {
  [T in TaskType]: NewTaskBase & { _type: T; extra: TaskExtraByType[T] };
}[TaskType];

export type TaskInserter = (row: NewTaskRow) => void;

/** The stored date columns for a wire date; throws on a date Close would reject. */
export function taskDateColumns(
  date: string | null,
  dateCreatedMs: number,
): { date_text: string; date_kind: 0 | 1; date_sort: number; is_dateless: 0 | 1 } {
  if (date === null) {
    return { date_text: formatCloseDateTime(dateCreatedMs), date_kind: 1, date_sort: dateCreatedMs, is_dateless: 1 };
  }
  const parsed = parseCloseDate(date);
  if (!parsed) throw new RangeError(`invalid task date: ${JSON.stringify(date)}`);
  return { date_text: formatCloseDate(parsed), date_kind: parsed.kind, date_sort: parsed.epochMs, is_dateless: 0 };
}

/**
 * A prepared insert for tasks. Call it inside a transaction when inserting many rows: one
 * statement, positional parameters, and no per-row work beyond the date and the JSON.
 */
export function createTaskInserter(db: Database): TaskInserter {
  // Positional parameters: binding 21 named ones made a 100k-row seed three times slower.
  const insert = db.prepare(`
    INSERT INTO tasks (
      id, organization_id, type, assigned_to, lead_id, contact_id, created_by, updated_by, text,
      date_text, date_kind, date_sort, is_dateless, is_complete,
      date_created, date_created_ms, date_updated, date_updated_ms, object_type, object_id, extra
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (row) => {
    if (!Number.isFinite(row.date_created_ms) || !Number.isFinite(row.date_updated_ms)) {
      throw new RangeError(`task ${row.id}: date_created_ms and date_updated_ms must be finite epoch ms`);
    }
    const date = taskDateColumns(row.date, row.date_created_ms);
    insert.run(
      row.id,
      row.organization_id,
      row._type,
      row.assigned_to,
      row.lead_id,
      row.contact_id,
      row.created_by,
      row.updated_by,
      row.text,
      date.date_text,
      date.date_kind,
      date.date_sort,
      date.is_dateless,
      row.is_complete ? 1 : 0,
      formatCloseDateTime(row.date_created_ms),
      row.date_created_ms,
      formatCloseDateTime(row.date_updated_ms),
      row.date_updated_ms,
      row.object_type,
      row.object_id,
      JSON.stringify(row.extra),
    );
  };
}
