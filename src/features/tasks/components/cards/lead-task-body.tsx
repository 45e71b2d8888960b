import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow } from './info-row';
import { LeadLink } from './lead-link';

/** A to-do for a lead: its text is the card's title, so the body says whose it is. */
export function LeadTaskBody({ task }: { task: Task }) {
  return (
    <InfoRow>
      <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      <ContactName name={task.contact_name} />
    </InfoRow>
  );
}
