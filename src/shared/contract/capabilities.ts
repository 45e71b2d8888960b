/**
 * What the active backend can do, declared by its connector on the server (src/server/connectors)
 * and read once by the browser (`GET /api/capabilities`). Features branch on these and never on
 * the backend's name: a second backend arrives as a connector with its own declaration, not as
 * edits to features.
 *
 * Strict on the server (a connector that forgets a field fails its test); the browser parses the
 * same schema, so a server and a page built from different commits disagree loudly, not silently.
 */
import { z } from 'zod/mini';
import { TASK_TYPES } from '../close/schemas';

export const ActivityCapabilitiesSchema = z.strictObject({
  /** Reply to a text from its card; the SMS thread above the reply. */
  sms: z.boolean(),
  /** Reply to an email from its card; the whole email in the card. */
  email: z.boolean(),
  /** Voicemail recordings and their transcripts on the card. */
  voicemail: z.boolean(),
  /** Images and files attached to texts. */
  mms: z.boolean(),
});
export type ActivityCapabilities = z.infer<typeof ActivityCapabilitiesSchema>;

export const CapabilitiesSchema = z.strictObject({
  /** Which connector answers (`close`, `outreach`): for the account menu and logs only, never to branch on. */
  connector: z.string().check(z.minLength(1)),
  /** A completed task can be made open again (Undo of a complete is then exact). */
  reopen: z.boolean(),
  /** Snooze to a chosen day or time. */
  snoozeToDate: z.boolean(),
  /** The backend's own "snooze": one day past the later of now and the due time. */
  snoozeDefaultOneDay: z.boolean(),
  /** Tasks carry a priority that can be shown and filtered on. */
  priority: z.boolean(),
  /** Tasks carry a free-text note that can be edited. */
  note: z.boolean(),
  /** Completing can leave a note with the completion. */
  completionNote: z.boolean(),
  /** The task types this backend has (the contract's names). */
  taskTypes: z.array(z.enum(TASK_TYPES)),
  activities: ActivityCapabilitiesSchema,
  /** One request changes every task a view's filters match. */
  bulkByFilter: z.boolean(),
  /** One request changes many tasks named by id; `maxIds` per request (0: one task per request). */
  bulkByIds: z.strictObject({ maxIds: z.number().check(z.int(), z.nonnegative()) }),
  createTask: z.boolean(),
  /** A task can be deleted (how Undo takes back a created task). */
  deleteTask: z.boolean(),
  /** Completed tasks can be listed (the archive view). */
  archive: z.boolean(),
  /** Some tasks are not yet actionable (Outreach's `pending` sequence steps). */
  pendingState: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** What Undo of a completion does on this backend: reopen the task, or nothing the backend can take back. */
export function undoOfCompletion(capabilities: Pick<Capabilities, 'reopen'>): 'reopen' | 'none' {
  return capabilities.reopen ? 'reopen' : 'none';
}
