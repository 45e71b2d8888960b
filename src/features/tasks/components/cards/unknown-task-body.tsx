import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';

/** A task type this app does not know yet: whatever common fields it has, and a pointer to Close. */
export function UnknownTaskBody({ task }: { task: Task }) {
  return (
    <>
      <InfoRow>
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
        <ContactName name={task.contact_name} />
        <span className="inline-flex items-center gap-1 italic">Open in Close for details</span>
      </InfoRow>
      <PreviewText text={task.text ?? task.subject ?? task.body_preview} />
    </>
  );
}
