/**
 * The stand-in's one OAuth client (Triage's app server) and Outreach's token lifetimes: access
 * tokens 2 hours, refresh tokens 14 days (both settable for tests), scopes as Outreach names them.
 */
export type OutreachOAuthOptions = {
  clientId: string;
  clientSecret: string;
  /** `expires_in` of access tokens; Outreach's is 7200. */
  accessTokenTtlSeconds?: number;
  /** Outreach's refresh tokens last 14 days. */
  refreshTokenTtlSeconds?: number;
};

export const ACCESS_TOKEN_TTL_SECONDS = 7200;
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 86_400;

/** The scopes a Triage sign-in asks for; a demo static token holds all of them. */
export const ALL_SCOPES = [
  'tasks.read', 'tasks.write', 'users.read', 'prospects.read', 'accounts.read', 'sequences.read', 'sequenceStates.read',
  'sequenceSteps.read', 'taskPriorities.read',
].join(' ');

/** `scope` as asked at /oauth/authorize: space-separated, each `resource.read|write|delete|all`. */
export function checkScope(raw: string | undefined): string | { problem: string } {
  if (raw === undefined || raw.trim() === '') return { problem: 'scope is required: a space-separated list such as "tasks.read tasks.write".' };
  const scopes = raw.trim().split(/\s+/);
  const bad = scopes.find((s) => !/^[A-Za-z]+\.(read|write|delete|all)$/.test(s));
  if (bad) return { problem: `Unknown scope ${JSON.stringify(bad)}.` };
  return [...new Set(scopes)].join(' ');
}

/** Whether a token's scopes allow reading (or writing) a resource: `x.all` allows both. */
export function scopeAllows(scope: string, resource: string, write: boolean): boolean {
  const held = new Set(scope.split(' '));
  return held.has(`${resource}.all`) || held.has(`${resource}.${write ? 'write' : 'read'}`);
}
