import { queryOptions } from '@tanstack/react-query';
import { LeadListSchema } from '@/shared/close/schemas';
import { apiRequest } from '@/lib/api-client';

const LEAD_RESULTS = 20;

/** Leads whose name matches what was typed (Close's `query`), for the new-task form. */
export async function searchLeads(text: string, signal?: AbortSignal) {
  const page = await apiRequest({
    path: '/lead/',
    query: { query: text, _limit: LEAD_RESULTS, _fields: 'id,display_name,name' },
    schema: LeadListSchema,
    signal,
  });
  return page.data;
}

export const leadSearchQueryOptions = (text: string) =>
  queryOptions({
    queryKey: ['leads', 'search', text] as const,
    queryFn: ({ signal }) => searchLeads(text, signal),
    enabled: text.trim().length > 0,
    staleTime: 60_000,
  });
