import { MailIcon } from '@/components/icons';
import type { Task } from '@/shared/close/schemas';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';

/** Unread email(s) on a thread; the subject is the title, the preview shows what they wrote. */
export function IncomingEmailBody({ task }: { task: Task }) {
  const count = task.emails?.length ?? 0;
  return (
    <>
      <InfoRow>
        <ContactName name={task.contact_name} />
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
        {count > 1 && (
          <span className="inline-flex items-center gap-1">
            <MailIcon className="size-3.5 shrink-0" />
            {count} emails
          </span>
        )}
      </InfoRow>
      <PreviewText text={task.body_preview} />
    </>
  );
}
