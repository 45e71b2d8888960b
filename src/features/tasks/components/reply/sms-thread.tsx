import { useQuery } from '@tanstack/react-query';
import { smsThreadQueryOptions } from '../../api/list-sms-thread';

/** Shown above the reply, oldest of them first. */
const SHOWN = 4;

/** The last few texts with the lead, so a reply reads in context. */
export function SmsThread({ leadId }: { leadId: string }) {
  const thread = useQuery(smsThreadQueryOptions(leadId));
  const messages = (thread.data?.data ?? []).slice(0, SHOWN).reverse();
  if (messages.length === 0) return null;
  return (
    <ol aria-label="Recent texts" className="flex max-h-48 flex-col gap-1.5 overflow-y-auto rounded-md bg-slate-50 p-2 dark:bg-slate-950">
      {messages.map((sms) => {
        const outbound = sms.direction === 'outbound';
        return (
          <li
            key={sms.id}
            className={`max-w-[85%] rounded-lg px-3 py-1.5 text-sm ${outbound ? 'self-end bg-sky-700 text-white' : 'self-start bg-white text-slate-900 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700'}`}
          >
            <span className="sr-only">{outbound ? 'You: ' : 'They: '}</span>
            {sms.text || (sms.attachments?.length ? `[${sms.attachments.length} attachment(s)]` : '')}
          </li>
        );
      })}
    </ol>
  );
}
