/**
 * The wire contract: Close's shapes for tasks, users, organizations, leads and errors.
 * The embedded API validates its input and shapes its output with these; the proxy and the
 * browser parse responses with them. Response schemas are loose (Close adds fields over time and
 * the app must not break on them); request schemas are strict (an unknown field is an error).
 */
import { z } from 'zod';

export const TASK_TYPES = [
  'lead',
  'incoming_email',
  'email_followup',
  'missed_call',
  'answered_detached_call',
  'voicemail',
  'opportunity_due',
  'incoming_sms',
  'outgoing_call',
] as const;
export const TaskTypeSchema = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskTypeSchema>;

export const TASK_VIEWS = ['inbox', 'future', 'archive'] as const;
export const TaskViewSchema = z.enum(TASK_VIEWS);
export type TaskView = z.infer<typeof TaskViewSchema>;

export const ORDER_BY = ['date', '-date', 'date_created', '-date_created'] as const;
export type TaskOrderBy = (typeof ORDER_BY)[number];

/** Close's documented page size limits for list endpoints. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 200;

const nullableString = z.string().nullable();

export const AttachmentSchema = z.looseObject({
  content_type: z.string(),
  filename: z.string(),
  media_id: z.string().optional(),
  size: z.number(),
  thumbnail_url: nullableString.optional(),
  url: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * One schema for every task type, with each type's own fields optional: the app must render a
 * task of a type it does not know yet, so `_type` stays an open string.
 */
export const TaskSchema = z.looseObject({
  id: z.string(),
  _type: z.string(),
  assigned_to: nullableString,
  assigned_to_name: nullableString.optional(),
  contact_id: nullableString.optional(),
  contact_name: nullableString.optional(),
  created_by: nullableString.optional(),
  created_by_name: nullableString.optional(),
  updated_by: nullableString.optional(),
  updated_by_name: nullableString.optional(),
  date: nullableString,
  date_created: z.string(),
  date_updated: z.string(),
  due_date: nullableString.optional(),
  is_complete: z.boolean(),
  is_dateless: z.boolean().optional(),
  lead_id: nullableString,
  lead_name: nullableString.optional(),
  object_id: nullableString.optional(),
  object_type: nullableString.optional(),
  organization_id: z.string(),
  view: z.enum(TASK_VIEWS).nullable().optional(),
  text: nullableString.optional(),
  // incoming_email, email_followup
  emails: z.array(z.string()).optional(),
  email_id: nullableString.optional(),
  subject: nullableString.optional(),
  body_preview: nullableString.optional(),
  // calls
  phone: nullableString.optional(),
  phone_formatted: nullableString.optional(),
  phone_number_description: nullableString.optional(),
  local_phone: nullableString.optional(),
  recording_url: nullableString.optional(),
  voicemail_duration: z.number().nullable().optional(),
  voicemail_url: nullableString.optional(),
  // opportunity_due
  opportunity_note: nullableString.optional(),
  opportunity_value: z.number().nullable().optional(),
  opportunity_value_currency: nullableString.optional(),
  opportunity_value_formatted: nullableString.optional(),
  opportunity_value_period: nullableString.optional(),
  // incoming_sms
  remote_phone: nullableString.optional(),
  remote_phone_formatted: nullableString.optional(),
  remote_phone_description: nullableString.optional(),
  attachments: z.array(AttachmentSchema).optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), has_more: z.boolean() });
}
export const TaskListSchema = listResponseSchema(TaskSchema);
export type TaskList = z.infer<typeof TaskListSchema>;

export const MembershipSchema = z.looseObject({
  id: z.string(),
  organization_id: z.string(),
  user_id: z.string(),
  role_id: z.string().optional(),
  user_full_name: nullableString.optional(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const UserSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  image: nullableString.optional(),
  date_created: z.string().optional(),
  date_updated: z.string().optional(),
  organizations: z.array(z.string()).optional(),
});
export type User = z.infer<typeof UserSchema>;
export const UserListSchema = listResponseSchema(UserSchema);

export const OrganizationRefSchema = z.looseObject({ id: z.string(), name: z.string() });

export const MeSchema = UserSchema.extend({
  organizations: z.array(OrganizationRefSchema),
  memberships: z.array(MembershipSchema),
  /** Embedded API only: IANA zone the demo user works in. Close omits it; the app then uses the browser's. */
  time_zone: z.string().optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const OrganizationSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  memberships: z.array(MembershipSchema),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const ContactSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  phones: z.array(z.looseObject({ phone: z.string(), type: z.string().optional() })).optional(),
  emails: z.array(z.looseObject({ email: z.string(), type: z.string().optional() })).optional(),
});

export const LeadSchema = z.looseObject({
  id: z.string(),
  display_name: z.string(),
  name: z.string().optional(),
  organization_id: z.string().optional(),
  contacts: z.array(ContactSchema).optional(),
  html_url: z.string().optional(),
});
export type Lead = z.infer<typeof LeadSchema>;
export const LeadListSchema = listResponseSchema(LeadSchema);

/** Close's error body: a list of general errors and a map of per-field reasons. */
export const ErrorBodySchema = z.looseObject({
  error: z.string().optional(),
  errors: z.array(z.string()).optional(),
  'field-errors': z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---- Requests -------------------------------------------------------------------------------

/** `POST /task/`: lead tasks (and outgoing calls to a contact). */
export const CreateTaskBodySchema = z.strictObject({
  _type: z.enum(['lead', 'outgoing_call']).optional(),
  lead_id: z.string().min(1),
  contact_id: z.string().min(1).optional(),
  assigned_to: z.string().min(1).optional(),
  text: z.string().max(10_000).optional(),
  date: z.string().nullable().optional(),
  due_date: z.string().nullable().optional(),
  is_complete: z.boolean().optional(),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBodySchema>;

/** `PUT /task/{id}/`: `text` is accepted on lead tasks only (checked against the task). */
export const UpdateTaskBodySchema = z.strictObject({
  assigned_to: z.string().min(1).optional(),
  date: z.string().nullable().optional(),
  due_date: z.string().nullable().optional(),
  is_complete: z.boolean().optional(),
  text: z.string().max(10_000).optional(),
});
export type UpdateTaskBody = z.infer<typeof UpdateTaskBodySchema>;

/** `PUT /task/` (bulk): only these three fields; filters come in the query or in `_params`. */
export const BulkUpdateTaskBodySchema = z.strictObject({
  assigned_to: z.string().min(1).optional(),
  date: z.string().nullable().optional(),
  is_complete: z.boolean().optional(),
  _params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type BulkUpdateTaskBody = z.infer<typeof BulkUpdateTaskBodySchema>;

/** Turns zod issues into Close's `field-errors` map (first reason per field). */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[key] ??= 'Unknown or read-only field.';
      continue;
    }
    const field = issue.path.length ? issue.path.map(String).join('.') : '__all__';
    out[field] ??= issue.message;
  }
  return out;
}
