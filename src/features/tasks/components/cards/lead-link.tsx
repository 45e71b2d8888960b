import { BuildingIcon, ExternalLinkIcon } from '@/components/icons';
import { closeLeadUrl } from '@/lib/media-url';

export const LINK_CLASS =
  'rounded-sm text-indigo-700 underline decoration-indigo-300 underline-offset-2 outline-none hover:decoration-current focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300 dark:decoration-indigo-500/60';

/** The task's lead, opening its page in Close in a new tab. */
export function LeadLink({ leadId, leadName }: { leadId: string | null | undefined; leadName: string | null | undefined }) {
  const name = leadName?.trim() || (leadId ? 'Lead' : '');
  if (!name) return null;
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <BuildingIcon className="size-3.5 shrink-0" />
      <span className="sr-only">Lead: </span>
      {leadId ? (
        <a href={closeLeadUrl(leadId)} target="_blank" rel="noopener noreferrer" className={`inline-flex min-w-0 items-center gap-0.5 ${LINK_CLASS}`}>
          <span className="truncate">{name}</span>
          <ExternalLinkIcon className="size-3 shrink-0" />
          <span className="sr-only"> (opens Close in a new tab)</span>
        </a>
      ) : (
        <span className="truncate">{name}</span>
      )}
    </span>
  );
}
