/**
 * The two calls sign-in makes to Close itself: `GET /me/` to learn who a credential belongs to
 * (and that Close takes it), and the OAuth token endpoint (authorization code and refresh
 * grants). Plain fetch with the proxy's timeout; every failure becomes an `AuthCallFailure` a
 * route can answer with.
 */
import { z } from 'zod';
import type { SessionUser } from './session-store';

export class AuthCallFailure extends Error {
  override readonly name = 'AuthCallFailure';
  constructor(
    /** refused: Close said no to the credential or grant; unreachable / timeout: no answer. */
    readonly kind: 'refused' | 'unreachable' | 'timeout' | 'bad-answer',
    message: string,
  ) {
    super(message);
  }

  /** The app server's status for it. */
  get status(): 401 | 502 | 504 {
    return this.kind === 'refused' ? 401 : this.kind === 'timeout' ? 504 : 502;
  }
}

const MeSchema = z.object({
  id: z.string(),
  email: z.string().optional().default(''),
  first_name: z.string().optional().default(''),
  last_name: z.string().optional().default(''),
  organizations: z.array(z.object({ id: z.string() })).optional(),
});

/** Close's answer to a token request (OAuth 2, plus Close's user_id and organization_id). */
const TokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  user_id: z.string().optional(),
  organization_id: z.string().optional(),
});
export type TokenAnswer = z.infer<typeof TokenAnswerSchema>;

async function call(url: string, init: RequestInit, timeoutMs: number, label: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new AuthCallFailure('timeout', `${label} did not answer within ${timeoutMs} ms.`);
    }
    throw new AuthCallFailure('unreachable', `${label} could not be reached.`);
  }
}

/** Who an Authorization acts as: a connector's way of asking its backend (connectors/connector.ts). */
export type WhoIs = (authorization: string, timeoutMs: number) => Promise<SessionUser>;

/** Who `authorization` acts as; `AuthCallFailure('refused')` when Close does not take it. */
export async function fetchMe(apiBaseUrl: string, authorization: string, timeoutMs: number): Promise<SessionUser> {
  const res = await call(`${apiBaseUrl}/me/`, { headers: { authorization, accept: 'application/json', 'user-agent': 'triage-sign-in' } }, timeoutMs, 'Close');
  if (res.status === 401 || res.status === 403) {
    await res.body?.cancel();
    throw new AuthCallFailure('refused', 'Close refused this credential.');
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AuthCallFailure('bad-answer', `Close answered ${res.status} to GET /me/.`);
  }
  const parsed = MeSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AuthCallFailure('bad-answer', 'Close sent an unexpected answer to GET /me/.');
  const me = parsed.data;
  return {
    id: me.id,
    email: me.email,
    first_name: me.first_name,
    last_name: me.last_name,
    ...(me.organizations?.[0] ? { organization_id: me.organizations[0].id } : {}),
  };
}

export interface OAuthClientSettings {
  clientId: string;
  clientSecret: string;
  /** Where the browser is sent to agree (Close's, or the embedded API's consent page). */
  authorizeUrl: string;
  tokenUrl: string;
  /** The `scope` the authorize page is asked for (Outreach requires one; Close takes none). */
  scope?: string;
}

/** A token request; `refused` for an `invalid_grant` (or any 4xx): the code or refresh token is spent. */
export async function requestTokens(
  client: OAuthClientSettings,
  grant: { grant_type: 'authorization_code'; code: string; redirect_uri: string } | { grant_type: 'refresh_token'; refresh_token: string },
  timeoutMs: number,
): Promise<TokenAnswer> {
  const form = new URLSearchParams({ ...grant, client_id: client.clientId, client_secret: client.clientSecret });
  const res = await call(
    client.tokenUrl,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'user-agent': 'triage-sign-in' }, body: form },
    timeoutMs,
    "Close's token endpoint",
  );
  if (res.status >= 400 && res.status < 500) {
    await res.body?.cancel();
    throw new AuthCallFailure('refused', `Close's token endpoint refused the ${grant.grant_type} grant (${res.status}).`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new AuthCallFailure('bad-answer', `Close's token endpoint answered ${res.status}.`);
  }
  const parsed = TokenAnswerSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AuthCallFailure('bad-answer', "Close's token endpoint sent an unexpected answer.");
  return parsed.data;
}

export function bearerAuthorization(accessToken: string): string {
  return `Bearer ${accessToken}`;
}
