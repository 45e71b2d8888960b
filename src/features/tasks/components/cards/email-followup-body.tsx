import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';

/** A sent email that got no reply: shows what was sent, to whom. */
export function EmailFollowupBody({ task }: { task: Task }) {
  return (
    <>
      <InfoRow>
        <ContactName name={task.contact_name} />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
      </InfoRow>
      <PreviewText label="No reply to:" text={task.body_preview} />
    </>
  );
}
