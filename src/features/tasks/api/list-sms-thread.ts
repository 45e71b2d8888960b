import { queryOptions } from '@tanstack/react-query';
import { SmsActivityListSchema } from '@/shared/close/activity-schemas';
import { apiRequest } from '@/lib/api-client';

/** The last messages shown above a reply. */
const THREAD_MESSAGES = 10;

/** `GET /activity/sms/?lead_id=…`: the lead's latest texts, newest first. */
export function listSmsThread(leadId: string, signal?: AbortSignal) {
  return apiRequest({
    path: '/activity/sms/',
    query: { lead_id: leadId, _limit: THREAD_MESSAGES },
    schema: SmsActivityListSchema,
    signal,
  });
}

export const smsThreadQueryOptions = (leadId: string) =>
  queryOptions({
    queryKey: ['sms-thread', leadId] as const,
    queryFn: ({ signal }) => listSmsThread(leadId, signal),
    staleTime: 30_000,
  });
