/** `PUT /team/zones/me`: this browser's zone becomes the signed-in person's on the desk. */
import { requestJson } from '@/lib/api-client';
import { TEAM_ZONES_PATH, TeamZoneSchema } from '@/shared/team-zones';

export function reportMyZone(timeZone: string, signal?: AbortSignal) {
  const path = `${TEAM_ZONES_PATH}/me`;
  return requestJson(path, { method: 'PUT', headers: { accept: 'application/json' }, body: { time_zone: timeZone }, signal, schema: TeamZoneSchema, label: path });
}
