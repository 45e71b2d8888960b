/**
 * Who is on the team: Close's organization (`GET /organization/{id}/`, the id from `/me/`'s
 * `organizations`, as Close's own scripts find it) with its active and inactive members, each
 * with the zone our server knows for them (get-team-zones.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { EXPAND_MEMBERSHIP_USERS, type OrganizationMember, OrganizationWithMembersSchema } from '@/shared/close/organization-schemas';
import { MeSchema } from '@/shared/close/schemas';
import { browserTimeZone } from '@/shared/close/zones';
import type { TeamZone } from '@/shared/team-zones';
import { getTeamZones } from './get-team-zones';
import { teamKeys } from './team-keys';

export type TeamMember = {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  /** `default`: nobody reported a zone for them yet; the viewer's own zone stands in. */
  zoneSource: 'browser' | 'manager' | 'demo' | 'default';
  active: boolean;
};

export type Team = { active: TeamMember[]; inactive: TeamMember[]; organizationId: string };

export async function getTeam(signal?: AbortSignal): Promise<Team> {
  // The same request as index.html's preload of /me/ (and the inbox's), so it is usually answered already.
  const me = await apiRequest({ path: '/me/', schema: MeSchema, signal, asPreloaded: true });
  const organizationId = me.organizations[0]?.id;
  if (!organizationId) throw new Error('You are not a member of any Close organization.');
  const [organization, zones] = await Promise.all([
    apiRequest({
      path: `/organization/${encodeURIComponent(organizationId)}/`,
      query: { _expand: EXPAND_MEMBERSHIP_USERS },
      schema: OrganizationWithMembersSchema,
      signal,
    }),
    getTeamZones(signal),
  ]);
  const zoneOf = new Map(zones.zones.map((z) => [z.user_id, z]));
  const fallbackZone = browserTimeZone();
  const toMember = (active: boolean) => (m: OrganizationMember) => memberOf(m, active, zoneOf.get(m.user_id), fallbackZone);
  return {
    organizationId,
    active: sortByName(organization.memberships.map(toMember(true))),
    inactive: sortByName(organization.inactive_memberships.map(toMember(false))),
  };
}

function memberOf(m: OrganizationMember, active: boolean, zone: TeamZone | undefined, fallbackZone: string): TeamMember {
  const first = m.user?.first_name ?? m.user_first_name ?? '';
  const last = m.user?.last_name ?? m.user_last_name ?? '';
  const email = m.user?.email ?? m.user_email ?? '';
  const name = `${first} ${last}`.trim() || m.user_full_name?.trim() || email || m.user_id;
  return {
    id: m.user_id,
    name,
    email,
    timeZone: zone?.time_zone ?? fallbackZone,
    zoneSource: zone?.source ?? 'default',
    active,
  };
}

function sortByName(members: TeamMember[]): TeamMember[] {
  return members.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export const teamQueryOptions = () =>
  queryOptions({
    queryKey: teamKeys.members(),
    queryFn: ({ signal }) => getTeam(signal),
    staleTime: 60_000,
  });
