import { queryOptions } from '@tanstack/react-query';
import { EmailActivitySchema } from '@/shared/close/activity-schemas';
import { apiRequest } from '@/lib/api-client';

/** `GET /activity/email/{id}/`: one whole email (an incoming_email task's `emails` lists the ids). */
export function getEmail(id: string, signal?: AbortSignal) {
  return apiRequest({ path: `/activity/email/${encodeURIComponent(id)}/`, schema: EmailActivitySchema, signal });
}

/** A received email does not change: kept for the session once read. */
export const emailQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['emails', id] as const,
    queryFn: ({ signal }) => getEmail(id, signal),
    staleTime: Infinity,
  });
