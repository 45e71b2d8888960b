/**
 * Our server's team routes (not Close's), for the manager's desk:
 *   GET    /team/zones             → {"zones": [{"user_id", "time_zone", "source"}]} for the caller's organization
 *   PUT    /team/zones/me          {"time_zone"}: the caller's browser reports its zone
 *   PUT    /team/zones/{user_id}   {"time_zone"}: the manager's override for a member
 *   DELETE /team/zones/{user_id}   removes the override
 * Mounted behind the app's Host and Origin guards, so another site cannot change a zone. A bad
 * zone is a 400 naming `time_zone`; a person outside the caller's organization a 404 naming `user_id`.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { fieldError, readJsonObject } from '../auth/auth-request';
import type { CredentialResolver } from '../auth/upstream-credential';
import { type TeamCaller, TeamCallFailure, type UpstreamCall, createCallerResolver, isMemberOf } from './team-caller';
import { canonicalTimeZone } from './time-zone-name';
import { type ZoneStore, effectiveZone } from './zone-store';

export interface TeamRoutesOptions {
  store: ZoneStore;
  credentials: CredentialResolver;
  upstream: UpstreamCall;
  /** The embedded demo users' zones (README, "Demo users"); null against Close. */
  demoZones: { organizationId: string; zones: ReadonlyMap<string, string> } | null;
  now?: () => number;
}

export const TEAM_ZONES_ROUTE = '/team/zones';

export function createTeamRoutes(options: TeamRoutesOptions): Hono<AppEnv> {
  const { store, credentials, upstream } = options;
  const now = options.now ?? Date.now;
  const callerOf = createCallerResolver(credentials, upstream, now);
  const routes = new Hono<AppEnv>();

  const handle = (work: (c: Context<AppEnv>, caller: TeamCaller) => Promise<Response>) => async (c: Context<AppEnv>) => {
    try {
      return await work(c, await callerOf(c));
    } catch (error) {
      if (error instanceof TeamCallFailure) return c.json(error.body, error.status);
      throw error;
    }
  };

  routes.get('/zones', handle(async (c, caller) => {
    const stored = new Map((await store.listZones(caller.organizationId)).map((z) => [z.userId, z]));
    const demo = options.demoZones?.organizationId === caller.organizationId ? options.demoZones.zones : new Map<string, string>();
    const userIds = [...new Set([...stored.keys(), ...demo.keys()])].sort();
    const zones = userIds.flatMap((userId) => {
      const zone = effectiveZone(stored.get(userId), demo.get(userId));
      return zone ? [{ user_id: userId, time_zone: zone.zone, source: zone.source }] : [];
    });
    return c.json({ zones });
  }));

  routes.put('/zones/me', handle(async (c, caller) => {
    const zone = await readZone(c);
    if (zone instanceof Response) return zone;
    await store.reportBrowserZone(caller.organizationId, caller.userId, zone, now());
    return c.json(await zoneAnswer(caller, caller.userId));
  }));

  routes.put('/zones/:user_id', handle(async (c, caller) => {
    const userId = c.req.param('user_id') ?? '';
    const zone = await readZone(c);
    if (zone instanceof Response) return zone;
    if (!(await isMember(caller, userId))) return notAMember(c, userId);
    await store.setManagerZone(caller.organizationId, userId, zone, caller.userId, now());
    return c.json(await zoneAnswer(caller, userId));
  }));

  routes.delete('/zones/:user_id', handle(async (c, caller) => {
    const userId = c.req.param('user_id') ?? '';
    if (!(await isMember(caller, userId))) return notAMember(c, userId);
    await store.clearManagerZone(caller.organizationId, userId);
    return c.body(null, 204);
  }));

  async function zoneAnswer(caller: TeamCaller, userId: string) {
    const stored = (await store.listZones(caller.organizationId)).find((z) => z.userId === userId);
    const demo = options.demoZones?.organizationId === caller.organizationId ? options.demoZones.zones.get(userId) : undefined;
    const zone = effectiveZone(stored, demo);
    return { user_id: userId, time_zone: zone?.zone ?? null, source: zone?.source ?? null };
  }

  /** Active or inactive: a manager may set the zone of someone who left, whose tasks still count. */
  function isMember(caller: TeamCaller, userId: string): Promise<boolean> {
    return isMemberOf(upstream, caller, userId, credentials);
  }

  return routes;
}

async function readZone(c: Context<AppEnv>): Promise<string | Response> {
  const body = await readJsonObject(c, 'time_zone');
  if ('response' in body) return body.response;
  const unknown = Object.keys(body.value).filter((k) => k !== 'time_zone');
  if (unknown.length) return fieldError(c, unknown[0]!, 'Not a field of a zone; send only "time_zone".');
  const raw = body.value.time_zone;
  if (typeof raw !== 'string' || raw.trim() === '') return fieldError(c, 'time_zone', 'Required: an IANA time zone name, e.g. "Asia/Tokyo".');
  const zone = canonicalTimeZone(raw.trim());
  if (!zone) return fieldError(c, 'time_zone', `Not an IANA time zone name: ${JSON.stringify(raw.slice(0, 64))}. Use one like "Asia/Tokyo".`);
  return zone;
}

function notAMember(c: Context<AppEnv>, userId: string): Response {
  return c.json({ error: `user_id: ${userId} is not a member of your organization.`, field: 'user_id' }, 404);
}
