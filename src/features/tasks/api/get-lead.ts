import { queryOptions } from '@tanstack/react-query';
import { LeadSchema } from '@/shared/close/schemas';
import { apiRequest } from '@/lib/api-client';

/** `GET /lead/{id}/` with its contacts: the numbers a reply may go to. */
export const leadQueryOptions = (leadId: string) =>
  queryOptions({
    queryKey: ['leads', 'one', leadId] as const,
    queryFn: ({ signal }) =>
      apiRequest({ path: `/lead/${encodeURIComponent(leadId)}/`, query: { _fields: 'id,display_name,contacts' }, schema: LeadSchema, signal }),
    staleTime: 5 * 60_000,
  });
