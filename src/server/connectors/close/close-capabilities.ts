/** What Close (and the embedded Close-compatible API, which answers the same way) can do. */
import { TASK_TYPES } from '@/shared/close/schemas';
import type { Capabilities } from '@/shared/contract/capabilities';

/** Ids per bulk `PUT /task/` (in the body's `_params.id__in`): keeps each body well under the size cap. */
export const CLOSE_BULK_MAX_IDS = 1_000;

export const CLOSE_CAPABILITIES: Capabilities = {
  connector: 'close',
  // `PUT /task/{id}/` with `is_complete: false`: Undo of a completion reopens the task.
  reopen: true,
  snoozeToDate: true,
  snoozeDefaultOneDay: false,
  // `high` / `medium`, set with `PUT /task/{id}/` (and the bulk update).
  priority: true,
  // A lead task's `text` (the only type whose text Close lets clients edit).
  note: true,
  completionNote: false,
  taskTypes: [...TASK_TYPES],
  activities: { sms: true, email: true, voicemail: true, mms: true },
  bulkByFilter: true,
  bulkByIds: { maxIds: CLOSE_BULK_MAX_IDS },
  createTask: true,
  deleteTask: true,
  archive: true,
  pendingState: false,
};
