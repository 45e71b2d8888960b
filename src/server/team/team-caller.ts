/**
 * Who is asking our team routes, and in which organization: the request's credential (the
 * session's, or the server's key when sign-in is optional) shown to the backend's connector
 * (`signIn.whoIs`: Close's `GET /me/`, Outreach's API root), as the contract would forward it.
 * Answers are kept per credential for a few minutes: a credential's owner never changes, and the
 * desk asks on every load.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { AuthCallFailure, type WhoIs, fetchMe } from '../auth/upstream-auth-calls';
import { type CredentialResolver, type UpstreamCredential, isRefusal } from '../auth/upstream-credential';

export type TeamCaller = { userId: string; organizationId: string; credential: UpstreamCredential };

/** The backend's side of the desk, from its connector; absent: Close's API at `baseUrl`. */
export type TeamBackend = {
  /** The backend's name, in messages. */
  provider: string;
  whoIs: WhoIs;
  /** Everyone of the caller's organization, active or not; absent: Close's `GET /organization/{id}/`. */
  memberIds?: (authorization: string, timeoutMs: number) => Promise<string[]>;
};

export type UpstreamCall = { baseUrl: string; timeoutMs: number; backend?: TeamBackend };

const KEEP_MS = 10 * 60_000;
const KEPT_MAX = 5_000;

export class TeamCallFailure extends Error {
  constructor(
    readonly status: 401 | 403 | 502 | 504,
    readonly body: { error: string; sign_in_required?: true },
  ) {
    super(body.error);
  }
}

export function createCallerResolver(credentials: CredentialResolver, upstream: UpstreamCall, now: () => number = Date.now) {
  const kept = new Map<string, { caller: Omit<TeamCaller, 'credential'>; until: number }>();
  return async function callerOf(c: Context<AppEnv>): Promise<TeamCaller> {
    const resolved = await credentials.resolve(c);
    if (isRefusal(resolved)) throw new TeamCallFailure(resolved.status, resolved.body);
    const known = kept.get(resolved.copyKey);
    if (known && known.until > now()) return { ...known.caller, credential: resolved };
    const me = await whoIs(upstream, resolved, credentials);
    const organizationId = me.organization_id;
    if (!organizationId) {
      throw new TeamCallFailure(403, { error: `You are not a member of any ${upstream.backend?.provider ?? 'Close'} organization.` });
    }
    const caller = { userId: me.id, organizationId };
    if (kept.size >= KEPT_MAX) kept.delete(kept.keys().next().value!);
    kept.set(resolved.copyKey, { caller, until: now() + KEEP_MS });
    return { ...caller, credential: resolved };
  };
}

/** Who the credential acts as, by the backend's connector; its refusals and failures as TeamCallFailure. */
async function whoIs(upstream: UpstreamCall, credential: UpstreamCredential, credentials: CredentialResolver) {
  const provider = upstream.backend?.provider ?? 'Close';
  try {
    return upstream.backend
      ? await upstream.backend.whoIs(credential.authorization, upstream.timeoutMs)
      : await fetchMe(upstream.baseUrl, credential.authorization, upstream.timeoutMs);
  } catch (error) {
    if (!(error instanceof AuthCallFailure)) throw error;
    if (error.kind === 'refused') return refused(provider, credential, credentials);
    throw new TeamCallFailure(error.kind === 'timeout' ? 504 : 502, { error: `${provider} could not say who you are: ${error.message}` });
  }
}

async function refused(provider: string, credential: UpstreamCredential, credentials: CredentialResolver): Promise<never> {
  if (credential.sessionId) {
    await credentials.refused(credential);
    throw new TeamCallFailure(401, { error: `Your ${provider} sign-in has expired or was revoked. Sign in again.`, sign_in_required: true });
  }
  throw new TeamCallFailure(502, { error: `${provider} refused the server's credential.` });
}

/** Whether `userId` is of the caller's organization, active or not (a manager may set the zone of someone who left). */
export async function isMemberOf(upstream: UpstreamCall, caller: TeamCaller, userId: string, credentials: CredentialResolver): Promise<boolean> {
  if (userId === caller.userId) return true;
  if (upstream.backend?.memberIds) {
    try {
      return (await upstream.backend.memberIds(caller.credential.authorization, upstream.timeoutMs)).includes(userId);
    } catch (error) {
      if (!(error instanceof AuthCallFailure)) throw error;
      if (error.kind === 'refused') return refused(upstream.backend.provider, caller.credential, credentials);
      throw new TeamCallFailure(error.kind === 'timeout' ? 504 : 502, { error: `${upstream.backend.provider} could not list your organization: ${error.message}` });
    }
  }
  const org = (await upstreamJson(
    upstream,
    caller.credential,
    `/organization/${encodeURIComponent(caller.organizationId)}/?_fields=memberships,inactive_memberships`,
    credentials,
  )) as { memberships?: Array<{ user_id?: unknown }>; inactive_memberships?: Array<{ user_id?: unknown }> };
  return [...(org.memberships ?? []), ...(org.inactive_memberships ?? [])].some((m) => m.user_id === userId);
}

/** A GET to Close's API as the credential's owner; its refusals and failures as TeamCallFailure. */
export async function upstreamJson(upstream: UpstreamCall, credential: UpstreamCredential, pathAndQuery: string, credentials: CredentialResolver): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${upstream.baseUrl}${pathAndQuery}`, {
      headers: { authorization: credential.authorization, accept: 'application/json' },
      signal: AbortSignal.timeout(upstream.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new TeamCallFailure(timedOut ? 504 : 502, { error: timedOut ? 'Close did not answer in time.' : 'Could not reach Close.' });
  }
  const text = await res.text();
  if (res.status === 401) {
    if (credential.sessionId) {
      await credentials.refused(credential);
      throw new TeamCallFailure(401, { error: 'Your Close sign-in has expired or was revoked. Sign in again.', sign_in_required: true });
    }
    throw new TeamCallFailure(502, { error: "Close refused the server's API key." });
  }
  if (!res.ok) throw new TeamCallFailure(502, { error: `Close answered ${res.status} to ${pathAndQuery.split('?')[0]}.` });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TeamCallFailure(502, { error: `Close's answer to ${pathAndQuery.split('?')[0]} was not JSON.` });
  }
}
