/** `GET /team/zones` on our server: the zones it knows for the signed-in person's organization. */
import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '@/lib/api-client';
import { TEAM_ZONES_PATH, TeamZonesSchema } from '@/shared/team-zones';
import { teamKeys } from './team-keys';

export function getTeamZones(signal?: AbortSignal) {
  return requestJson(TEAM_ZONES_PATH, { method: 'GET', headers: { accept: 'application/json' }, signal, schema: TeamZonesSchema, label: TEAM_ZONES_PATH });
}

export const teamZonesQueryOptions = () =>
  queryOptions({
    queryKey: teamKeys.zones(),
    queryFn: ({ signal }) => getTeamZones(signal),
    staleTime: 60_000,
  });
