/**
 * What the backend can do (src/shared/contract/capabilities.ts), read once from the server:
 * features branch on these, never on which backend it is. Route loaders start the read alongside
 * the first page of tasks (so it is known before the first render, and a server-rendered first
 * view carries it); it never goes stale while the page is open, as a server's backend is fixed
 * while it runs.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Capabilities, CapabilitiesSchema } from '@/shared/contract/capabilities';
import { requestJson, serverUrl } from './api-client';

export const CAPABILITIES_PATH = '/api/capabilities';

export function getCapabilities(signal?: AbortSignal): Promise<Capabilities> {
  return requestJson(serverUrl(CAPABILITIES_PATH), { method: 'GET', headers: { accept: 'application/json' }, signal, schema: CapabilitiesSchema, label: CAPABILITIES_PATH });
}

export const capabilitiesQueryOptions = () =>
  queryOptions({
    queryKey: ['capabilities'] as const,
    queryFn: ({ signal }) => getCapabilities(signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });

/**
 * The backend's capabilities; undefined until they are known (or when they could not be read),
 * which callers treat as "not declared": a control that needs a capability appears once it is.
 */
export function useCapabilities(): Capabilities | undefined {
  return useQuery(capabilitiesQueryOptions()).data;
}
