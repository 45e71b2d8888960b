import { DollarIcon } from '@/components/icons';
import type { Task } from '@/shared/close/schemas';
import { formatOpportunityValue } from '../../utils/format-money';
import { ContactName, InfoRow, PreviewText } from './info-row';
import { LeadLink } from './lead-link';

/** An opportunity expected to close: its value and period, whose it is, and its note. */
export function OpportunityDueBody({ task }: { task: Task }) {
  const value = formatOpportunityValue(task);
  return (
    <>
      <InfoRow>
        <LeadLink leadId={task.lead_id} leadName={task.lead_name} />
        <ContactName name={task.contact_name} />
        {value && (
          <span className="inline-flex items-center gap-0.5 font-semibold text-emerald-800 dark:text-emerald-300">
            <DollarIcon className="size-3.5 shrink-0" />
            <span className="sr-only">Value: </span>
            {value}
          </span>
        )}
      </InfoRow>
      <PreviewText label="Note:" text={task.opportunity_note} />
    </>
  );
}
