import {
  CheckSquareIcon,
  DollarIcon,
  MailIcon,
  MessageIcon,
  PhoneIcon,
  PhoneIncomingIcon,
  PhoneMissedIcon,
  PhoneOutgoingIcon,
  ReplyIcon,
  TaskIcon,
  VoicemailIcon,
} from '@/components/icons';

const ICONS = {
  lead: CheckSquareIcon,
  incoming_email: MailIcon,
  email_followup: ReplyIcon,
  missed_call: PhoneMissedIcon,
  answered_detached_call: PhoneIncomingIcon,
  voicemail: VoicemailIcon,
  opportunity_due: DollarIcon,
  incoming_sms: MessageIcon,
  outgoing_call: PhoneOutgoingIcon,
} as const;

/** The decorative icon for a task type (the frame's title already names the type in words). */
export function TaskTypeIcon({ type, className }: { type: string; className?: string }) {
  const Icon = (ICONS as Record<string, typeof PhoneIcon>)[type] ?? TaskIcon;
  return <Icon className={className ?? 'size-4'} />;
}
