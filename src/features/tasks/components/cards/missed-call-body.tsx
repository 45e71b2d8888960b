import type { Task } from '@/shared/close/schemas';
import { formatPhone } from '../../utils/format-phone';
import { ContactName, InfoRow } from './info-row';
import { LeadLink } from './lead-link';
import { PhoneLink } from './phone-link';

/** A missed call: who called (to call back) and which of our lines they called. */
export function MissedCallBody({ task }: { task: Task }) {
  const line = formatPhone(task.local_phone);
  return (
    <InfoRow>
      <ContactName name={task.contact_name} />
      <PhoneLink srLabel="Caller" phone={task.phone} formatted={task.phone_formatted} description={task.phone_number_description} />
      <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      {line && <span className="inline-flex items-center gap-1 whitespace-nowrap">to {line}</span>}
    </InfoRow>
  );
}
