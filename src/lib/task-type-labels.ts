import type { TaskType } from '@/shared/close/schemas';

/** How each type reads in the type filter ("Show: Emails, Voicemails"). */
export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  lead: 'To-dos',
  incoming_email: 'Emails',
  email_followup: 'Email follow-ups',
  missed_call: 'Missed calls',
  answered_detached_call: 'Calls from unknown numbers',
  voicemail: 'Voicemails',
  opportunity_due: 'Opportunities due',
  incoming_sms: 'SMS and MMS',
  outgoing_call: 'Calls to make',
};

/** "All types", "Voicemails", "Emails + 2 more". */
export function describeTypes(types: readonly TaskType[]): string {
  if (types.length === 0) return 'All types';
  const first = TASK_TYPE_LABELS[types[0]!];
  return types.length === 1 ? first : `${first} + ${types.length - 1} more`;
}
