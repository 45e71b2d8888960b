import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';
import { PhoneLink } from './phone-link';

/** A call to make: whom to call, and why. */
export function OutgoingCallBody({ task }: { task: Task }) {
  return (
    <>
      <InfoRow>
        <ContactName name={task.contact_name} />
        <PhoneLink phone={task.phone} formatted={task.phone_formatted} description={task.phone_number_description} />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      </InfoRow>
      <PreviewText text={task.text} />
    </>
  );
}
