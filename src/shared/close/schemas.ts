/**
 * The wire contract: Close's shapes for tasks, users, organizations, leads and errors.
 * The embedded API validates its input and shapes its output with these; the proxy and the
 * browser parse responses with them. Response schemas are loose (Close adds fields over time and
 * the app must not break on them); request schemas are strict (an unknown field is an error).
 */
import type { $ZodError } from 'zod/v4/core';
import { z } from 'zod/mini';

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

/**
 * Close's task priority (`PUT /task/{id}/` takes it): two values, `medium` the usual one, so a task
 * always has one and "no priority" is `medium`. Close documents no list filter on it.
 */
export const TASK_PRIORITIES = ['high', 'medium'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
const TaskPriorityInputSchema = z.enum(TASK_PRIORITIES, { error: 'Not a priority: use "high" or "medium".' });
export type TaskOrderBy = (typeof ORDER_BY)[number];

/** Close's documented page size limits for list endpoints. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 200;

const nullableString = z.nullable(z.string());

export const AttachmentSchema = z.looseObject({
  content_type: z.string(),
  filename: z.string(),
  media_id: z.optional(z.string()),
  size: z.number(),
  thumbnail_url: z.optional(nullableString),
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
  assigned_to_name: z.optional(nullableString),
  contact_id: z.optional(nullableString),
  contact_name: z.optional(nullableString),
  created_by: z.optional(nullableString),
  created_by_name: z.optional(nullableString),
  updated_by: z.optional(nullableString),
  updated_by_name: z.optional(nullableString),
  date: nullableString,
  date_created: z.string(),
  date_updated: z.string(),
  due_date: z.optional(nullableString),
  is_complete: z.boolean(),
  is_dateless: z.optional(z.boolean()),
  lead_id: nullableString,
  lead_name: z.optional(nullableString),
  object_id: z.optional(nullableString),
  object_type: z.optional(nullableString),
  organization_id: z.string(),
  view: z.optional(z.nullable(z.enum(TASK_VIEWS))),
  text: z.optional(nullableString),
  /** `high` or `medium` where the backend has priorities (read as a string: a value added later must not break a list). */
  priority: z.optional(nullableString),
  /** A backend's own free-text note on any type (Outreach's `note`); absent on Close, whose lead tasks have `text`. */
  note: z.optional(nullableString),
  /** Outreach's state (`incomplete`, `complete`; `pending` tasks are in no view); absent on Close. */
  outreach_state: z.optional(nullableString),
  /** The sequence a task's step belongs to (Outreach's `sequence` name), on tasks a sequence made; absent on Close. */
  sequence_name: z.optional(nullableString),
  /** That step's place in its sequence (Outreach's `sequenceStep.order`, from 1). */
  sequence_step_order: z.optional(z.nullable(z.number())),
  // incoming_email, email_followup
  emails: z.optional(z.array(z.string())),
  email_id: z.optional(nullableString),
  subject: z.optional(nullableString),
  body_preview: z.optional(nullableString),
  // calls
  phone: z.optional(nullableString),
  phone_formatted: z.optional(nullableString),
  phone_number_description: z.optional(nullableString),
  local_phone: z.optional(nullableString),
  recording_url: z.optional(nullableString),
  voicemail_duration: z.optional(z.nullable(z.number())),
  voicemail_url: z.optional(nullableString),
  // opportunity_due
  opportunity_note: z.optional(nullableString),
  opportunity_value: z.optional(z.nullable(z.number())),
  opportunity_value_currency: z.optional(nullableString),
  opportunity_value_formatted: z.optional(nullableString),
  opportunity_value_period: z.optional(nullableString),
  // incoming_sms
  remote_phone: z.optional(nullableString),
  remote_phone_formatted: z.optional(nullableString),
  remote_phone_description: z.optional(nullableString),
  attachments: z.optional(z.array(AttachmentSchema)),
});
export type Task = z.infer<typeof TaskSchema>;

export function listResponseSchema<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({ data: z.array(item), has_more: z.boolean() });
}
export const TaskListSchema = listResponseSchema(TaskSchema);
export type TaskList = z.infer<typeof TaskListSchema>;

export const MembershipSchema = z.looseObject({
  id: z.string(),
  organization_id: z.string(),
  user_id: z.string(),
  role_id: z.optional(z.string()),
  user_full_name: z.optional(nullableString),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const UserSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  image: z.optional(nullableString),
  date_created: z.optional(z.string()),
  date_updated: z.optional(z.string()),
  organizations: z.optional(z.array(z.string())),
});
export type User = z.infer<typeof UserSchema>;
export const UserListSchema = listResponseSchema(UserSchema);

export const OrganizationRefSchema = z.looseObject({ id: z.string(), name: z.string() });

export const MeSchema = z.extend(UserSchema, {
  organizations: z.array(OrganizationRefSchema),
  memberships: z.array(MembershipSchema),
  /** Embedded API only: IANA zone the demo user works in. Close omits it; the app then uses the browser's. */
  time_zone: z.optional(z.string()),
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
  phones: z.optional(z.array(z.looseObject({ phone: z.string(), type: z.optional(z.string()) }))),
  emails: z.optional(z.array(z.looseObject({ email: z.string(), type: z.optional(z.string()) }))),
});

export const LeadSchema = z.looseObject({
  id: z.string(),
  display_name: z.string(),
  name: z.optional(z.string()),
  organization_id: z.optional(z.string()),
  contacts: z.optional(z.array(ContactSchema)),
  html_url: z.optional(z.string()),
});
export type Lead = z.infer<typeof LeadSchema>;
export const LeadListSchema = listResponseSchema(LeadSchema);

/**
 * What Close says about a rate limit in a 429's body (deprecated by Close in favour of the
 * `RateLimit` header, which it also sends, but still what its Python client reads).
 */
const RateLimitErrorSchema = z.looseObject({
  message: z.optional(z.string()),
  /** Seconds until the window resets. */
  rate_reset: z.optional(z.number()),
  rate_limit: z.optional(z.number()),
  /** The window's length in seconds. */
  rate_window: z.optional(z.number()),
});

/** Close's error body: a list of general errors and a map of per-field reasons; `error` alone on 401/404/429. */
export const ErrorBodySchema = z.looseObject({
  error: z.optional(z.union([z.string(), RateLimitErrorSchema])),
  errors: z.optional(z.array(z.string())),
  'field-errors': z.optional(z.record(z.string(), z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The message of an error body's `error`, a string or (on a 429) an object that carries one. */
export const errorMessageOf = (body: ErrorBody): string | undefined =>
  typeof body.error === 'string' ? body.error : body.error?.message;

// ---- Requests -------------------------------------------------------------------------------

/** `POST /task/`: lead tasks (and outgoing calls to a contact). */
export const CreateTaskBodySchema = z.strictObject({
  _type: z.optional(z.enum(['lead', 'outgoing_call'])),
  lead_id: z.string().check(z.minLength(1)),
  contact_id: z.optional(z.string().check(z.minLength(1))),
  assigned_to: z.optional(z.string().check(z.minLength(1))),
  text: z.optional(z.string().check(z.maxLength(10_000))),
  date: z.optional(z.nullable(z.string())),
  due_date: z.optional(z.nullable(z.string())),
  is_complete: z.optional(z.boolean()),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBodySchema>;

/** `PUT /task/{id}/`: `text` is accepted on lead tasks only (checked against the task). */
export const UpdateTaskBodySchema = z.strictObject({
  assigned_to: z.optional(z.string().check(z.minLength(1))),
  date: z.optional(z.nullable(z.string())),
  due_date: z.optional(z.nullable(z.string())),
  is_complete: z.optional(z.boolean()),
  text: z.optional(z.string().check(z.maxLength(10_000))),
  priority: z.optional(TaskPriorityInputSchema),
  /** Not Close's: a note kept with a completion, for backends that declare `completionNote` (Close refuses it). */
  completion_note: z.optional(z.string().check(z.maxLength(10_000))),
});
export type UpdateTaskBody = z.infer<typeof UpdateTaskBodySchema>;

/**
 * `PUT /task/` (bulk): these fields only (Close's prose names three; its request schema also lists
 * `priority`); filters come in the query or in `_params`.
 */
export const BulkUpdateTaskBodySchema = z.strictObject({
  assigned_to: z.optional(z.string().check(z.minLength(1))),
  date: z.optional(z.nullable(z.string())),
  is_complete: z.optional(z.boolean()),
  priority: z.optional(TaskPriorityInputSchema),
  _params: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
});
export type BulkUpdateTaskBody = z.infer<typeof BulkUpdateTaskBodySchema>;

/** Turns zod issues into Close's `field-errors` map (first reason per field). */
export function fieldErrorsFrom(error: $ZodError): Record<string, string> {
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
