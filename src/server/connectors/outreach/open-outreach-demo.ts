/**
 * BACKEND=outreach-demo: the embedded Outreach-compatible API (src/server/outreach-api) on
 * 127.0.0.1:API_PORT with its SQLite database in DATA_DIR, the Outreach connector in front of it,
 * and sign-in as on the embedded Close default: without a session (SIGN_IN=optional) the default
 * demo user acts, whose token is EMBEDDED_OUTREACH_TOKEN (as EMBEDDED_API_KEY is the embedded
 * Close API's); "Switch user" signs in as another demo user with their static token; "Sign in
 * with Outreach" runs the stand-in's own OAuth (its consent page of demo users) for one client,
 * OUTREACH_CLIENT_ID / OUTREACH_CLIENT_SECRET when set, else `triage-outreach-demo` with a secret
 * made at each start (only this process needs to know it).
 */
import crypto from 'node:crypto';
import type { DemoUserAccount } from '../../auth/auth-settings';
import { type OpenedAuth, openAuth } from '../../auth/open-auth';
import type { Env } from '../../env';
import type { Logger } from '../../logger';
import { type RunningOutreachApi, startOutreachApi } from '../../outreach-api/start-outreach-api';
import type { Connector } from '../connector';
import { OUTREACH_SCOPES, createOutreachConnector } from './outreach-connector';

export const OUTREACH_DEMO_CLIENT_ID = 'triage-outreach-demo';

export interface OpenedOutreachDemo {
  standIn: RunningOutreachApi;
  connector: Connector;
  auth: OpenedAuth;
  /** The stand-in's demo users with their tokens, for the banner. */
  demoUsers: readonly DemoUserAccount[];
}

type DemoUserRow = { id: number; first_name: string; last_name: string; email: string; title: string | null; time_zone: string | null; token: string };

export async function openOutreachDemo(env: Env, logger: Logger, onUnexpectedError: (error: unknown) => void): Promise<OpenedOutreachDemo> {
  const client = { clientId: env.OUTREACH_CLIENT_ID ?? OUTREACH_DEMO_CLIENT_ID, clientSecret: env.OUTREACH_CLIENT_SECRET ?? crypto.randomBytes(32).toString('base64url') };
  const standIn = await startOutreachApi({ dataDir: env.DATA_DIR, port: env.API_PORT, defaultToken: env.EMBEDDED_OUTREACH_TOKEN, oauth: client, onUnexpectedError });
  try {
    const oauth = { ...client, authorizeUrl: `${standIn.url}/oauth/authorize`, tokenUrl: `${standIn.url}/oauth/token`, scope: OUTREACH_SCOPES };
    const connector = createOutreachConnector({ baseUrl: standIn.baseUrl, oauth });
    const demoUsers = demoUsersOf(standIn);
    const auth = await openAuth(
      env,
      {
        apiBaseUrl: standIn.baseUrl,
        defaultApiKey: env.EMBEDDED_OUTREACH_TOKEN,
        demoUsers,
        embeddedOAuth: oauth,
        whoIs: connector.signIn.whoIs,
        authorizationOf: connector.signIn.authorizationOf,
      },
      logger,
    );
    return { standIn, connector, auth, demoUsers };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

/** The demo users who hold a static token (people added by `npm run seed` have none), as Switch user lists them. */
function demoUsersOf(standIn: RunningOutreachApi): DemoUserAccount[] {
  const rows = standIn.db
    .prepare('SELECT id, first_name, last_name, email, title, time_zone, token FROM users WHERE token IS NOT NULL AND locked = 0 ORDER BY id LIMIT 20')
    .all() as DemoUserRow[];
  return rows.map((u) => ({
    id: String(u.id),
    first_name: u.first_name,
    last_name: u.last_name,
    email: u.email,
    // Outreach has no roles; the demo's manager is the one whose title says so.
    role: /manager/i.test(u.title ?? '') ? 'manager' : 'rep',
    time_zone: u.time_zone ?? 'UTC',
    apiKey: u.token,
  }));
}
