/**
 * One backend (Close, Outreach) behind one interface. The browser speaks one contract, the
 * Close-shaped API under `/api/v1` (src/shared/close); a connector answers it from its backend,
 * says what that backend can do (its capabilities, src/shared/contract/capabilities.ts, which the
 * browser branches on instead of on the backend's name), and says how a person signs in to it, in
 * terms the session machinery (src/server/auth) already uses.
 */
import type { Context } from 'hono';
import type { Capabilities } from '@/shared/contract/capabilities';
import type { AppEnv } from '../app-env';
import type { SessionUser } from '../auth/session-store';
import type { SignInProvider } from '../auth/sign-in-provider';
import type { OAuthClientSettings } from '../auth/upstream-auth-calls';
import type { CredentialResolver, UpstreamCredential } from '../auth/upstream-credential';
import type { Logger } from '../logger';
import type { RevalidationLines } from '../proxy/revalidation-lines';

/** Answers contract requests (`/api/v1/*`): the whole response, written however the connector likes. */
export interface ContractHandler {
  /** The request as it came in, acting as whoever its session says. */
  (c: Context<AppEnv>): Promise<Response>;
  /** `target` (path and query under `/api/v1`) as `credential`, or as the request's session when not given (first views). */
  forward(c: Context<AppEnv>, target: string, credential?: UpstreamCredential): Promise<Response>;
}

export interface ContractHandlerDeps {
  /** Who each request acts as (auth/resolve-credential.ts). */
  credentials: CredentialResolver;
  /** UPSTREAM_TIMEOUT_MS. */
  timeoutMs: number;
  logger: Logger;
  /** A test passes its own to see which requests wait for a shared revalidation. */
  lines?: RevalidationLines;
}

/** How a person signs in to the backend: what the sign-in page offers, and how a credential is checked. */
export interface ConnectorSignIn extends SignInProvider {
  /** The OAuth 2 authorization-code client (authorize and token URLs); null: no OAuth sign-in. */
  oauth: OAuthClientSettings | null;
  /** The Authorization header a stored credential goes upstream with. */
  authorizationOf(credential: { apiKey: string } | { accessToken: string }): string;
  /** Who an Authorization acts as; throws `AuthCallFailure('refused')` when the backend does not take it. */
  whoIs(authorization: string, timeoutMs: number): Promise<SessionUser>;
}

export interface Connector {
  /** `close` (Close itself or the embedded Close-compatible API) or `outreach`. */
  readonly name: string;
  readonly capabilities: Capabilities;
  readonly signIn: ConnectorSignIn;
  /**
   * Everyone of the credential's organization, active or not, for the manager's desk (team/);
   * absent: the contract's `GET /organization/{id}/` is Close's own, asked of Close.
   */
  organizationMemberIds?(authorization: string, timeoutMs: number): Promise<string[]>;
  /** The handler for `/api/v1/*`; built once per app. */
  contractHandler(deps: ContractHandlerDeps): ContractHandler;
}
