/** What Outreach can do through its public API, as the Outreach connector offers it. */
import type { Capabilities } from '@/shared/contract/capabilities';
import { OUTREACH_TASK_TYPES } from './outreach-tasks';

export const OUTREACH_CAPABILITIES: Capabilities = {
  connector: 'outreach',
  // No reopen action: Undo of a completion withdraws it while unsent, and is refused after.
  reopen: false,
  // `reschedule` to any instant; the contract's snooze to a day is a reschedule.
  snoozeToDate: true,
  // `snooze` without `dueAt`: one day past the later of now and the due time.
  snoozeDefaultOneDay: true,
  // Its heaviest taskPriority is `high`, any other `medium`; set by a PATCH of `taskPriority`.
  priority: true,
  note: true,
  // markComplete's `completionNote`.
  completionNote: true,
  taskTypes: [...OUTREACH_TASK_TYPES],
  activities: { sms: false, email: false, voicemail: false, mms: false },
  // No bulk endpoint for actions: the connector changes the named tasks one request each.
  bulkByFilter: false,
  bulkByIds: { maxIds: 1_000 },
  createTask: false,
  deleteTask: false,
  archive: true,
  pendingState: true,
};
