/**
 * The manager's override of a person's zone on our server (`PUT /team/zones/{user_id}`), and its
 * removal (`DELETE`), after which the zone the person's browser reported applies again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '@/lib/api-client';
import { TEAM_ZONES_PATH, TeamZoneSchema } from '@/shared/team-zones';
import { teamKeys } from './team-keys';

export type SetMemberZoneVariables = { userId: string; timeZone: string | null };

export function putMemberZone(userId: string, timeZone: string, signal?: AbortSignal) {
  const path = `${TEAM_ZONES_PATH}/${encodeURIComponent(userId)}`;
  return requestJson(path, { method: 'PUT', headers: { accept: 'application/json' }, body: { time_zone: timeZone }, signal, schema: TeamZoneSchema, label: path });
}

export function deleteMemberZone(userId: string, signal?: AbortSignal) {
  const path = `${TEAM_ZONES_PATH}/${encodeURIComponent(userId)}`;
  return requestJson(path, { method: 'DELETE', headers: { accept: 'application/json' }, signal, schema: null, label: path });
}

/** `timeZone: null` clears the override. */
export function useSetMemberZone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, timeZone }: SetMemberZoneVariables) =>
      timeZone === null ? deleteMemberZone(userId) : putMemberZone(userId, timeZone),
    // The member's row shows the new zone; their counts are keyed by zone, so they load afresh.
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKeys.members() }).then(() => queryClient.invalidateQueries({ queryKey: teamKeys.zones() })),
    meta: { describeFailure: () => "Couldn't change the time zone" },
  });
}
