import type { Task } from '@/shared/close/schemas';
import { formatOpportunityValue } from './format-money';
import { formatPhone } from './format-phone';

/** Close sends `""` as well as null for "no contact name"; both mean absent. */
function present(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

/** `whatsapp_message` → "Whatsapp message". */
export function humanizeTaskType(type: string): string {
  const words = type.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : 'Task';
}

function callerOf(task: Task): string {
  return present(task.contact_name) ?? formatPhone(task.phone, task.phone_formatted) ?? present(task.lead_name) ?? 'unknown number';
}

/** The card's title and its article's accessible name: plain text, one line, never empty. */
export function taskTitle(task: Task): string {
  const lead = present(task.lead_name);
  switch (task._type) {
    case 'lead':
      return present(task.text) ?? (lead ? `To-do for ${lead}` : 'To-do');
    case 'incoming_email':
      return `Email: ${present(task.subject) ?? '(no subject)'}`;
    case 'email_followup':
      return `Follow up: ${present(task.subject) ?? '(no subject)'}`;
    case 'missed_call':
      return `Missed call from ${callerOf(task)}`;
    case 'answered_detached_call':
      return `Call from ${formatPhone(task.phone, task.phone_formatted) ?? 'unknown number'}`;
    case 'voicemail':
      return `Voicemail from ${callerOf(task)}`;
    case 'opportunity_due': {
      const parts = [lead, formatOpportunityValue(task)].filter(Boolean);
      return parts.length ? `Opportunity due: ${parts.join(' ')}` : 'Opportunity due';
    }
    case 'incoming_sms': {
      const kind = task.attachments?.length ? 'MMS' : 'SMS';
      const sender =
        present(task.contact_name) ?? formatPhone(task.remote_phone, task.remote_phone_formatted) ?? lead ?? 'unknown number';
      return `${kind} from ${sender}`;
    }
    case 'outgoing_call': {
      const callee = present(task.contact_name) ?? lead ?? formatPhone(task.phone, task.phone_formatted);
      return callee ? `Call ${callee}` : 'Call';
    }
    default: {
      const kind = humanizeTaskType(task._type);
      return lead ? `${kind}: ${lead}` : kind;
    }
  }
}
