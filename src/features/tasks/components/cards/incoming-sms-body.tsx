import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';
import { MmsAttachments } from './mms-attachments';
import { PhoneLink } from './phone-link';

/** An incoming SMS (an MMS when it has attachments): sender, text, and the media. */
export function IncomingSmsBody({ task }: { task: Task }) {
  return (
    <>
      <InfoRow>
        <ContactName name={task.contact_name} />
        <PhoneLink
          srLabel="Sender"
          phone={task.remote_phone}
          formatted={task.remote_phone_formatted}
          description={task.remote_phone_description}
        />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      </InfoRow>
      <PreviewText text={task.text} />
      {task.attachments && task.attachments.length > 0 && <MmsAttachments attachments={task.attachments} />}
    </>
  );
}
