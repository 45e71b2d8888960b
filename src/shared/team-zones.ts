/**
 * Our server's record of each person's time zone (not Close's: Close users carry none), read and
 * written by the manager's desk. `browser`: what the person's own browser reported when they last
 * used Triage; `manager`: set on the desk, and it wins over the browser's; `demo`: an embedded
 * demo user's zone (README, "Demo users"), when neither is set.
 */
import { z } from 'zod/mini';

export const ZONE_SOURCES = ['browser', 'manager', 'demo'] as const;
export type ZoneSource = (typeof ZONE_SOURCES)[number];

export const TeamZoneSchema = z.looseObject({
  user_id: z.string(),
  time_zone: z.string(),
  source: z.enum(ZONE_SOURCES),
});
export type TeamZone = z.infer<typeof TeamZoneSchema>;

/** `GET /team/zones`: one entry per person of the signed-in person's organization who has a zone. */
export const TeamZonesSchema = z.looseObject({ zones: z.array(TeamZoneSchema) });
export type TeamZones = z.infer<typeof TeamZonesSchema>;

/** `PUT /team/zones/me` and `PUT /team/zones/{user_id}`. */
export const PutTeamZoneBodySchema = z.strictObject({ time_zone: z.string() });

export const TEAM_ZONES_PATH = '/team/zones';
