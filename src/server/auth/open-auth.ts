/**
 * Sign-in as `npm start` sets it up from the settings (env.ts): who acts without a session, the
 * session secret (SESSION_SECRET, or with an embedded demo API one generated once and kept in DATA_DIR),
 * the store (PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR), and the OAuth client
 * (Close's, or the embedded API's own, so the whole flow works without a Close account).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Env, StartupError, ensureWritableDataDir, messageOf } from '../env';
import type { Logger } from '../logger';
import type { AuthContext, AuthSettings, DemoUserAccount } from './auth-settings';
import { CredentialCipher } from './credential-cipher';
import { openPostgresSessionStore } from './postgres-session-store';
import { createCredentialResolver, fixedCredentialResolver } from './resolve-credential';
import { openSqliteSessionStore, sessionsFile } from './sqlite-session-store';
import type { SessionStore } from './session-store';
import type { OAuthClientSettings, WhoIs } from './upstream-auth-calls';
import type { CredentialResolver } from './upstream-credential';

export interface OpenedAuth {
  settings: AuthSettings;
  /** Null when nobody can sign in (Close with the server's key, and no SESSION_SECRET). */
  context: AuthContext | null;
  credentials: CredentialResolver;
  /** Secrets the logger must blank out besides the keys it already knows. */
  secrets: string[];
  close(): Promise<void>;
}

/** How often expired sessions and OAuth states are swept out of the store. */
const SWEEP_EVERY_MS = 60 * 60_000;

export async function openAuth(
  env: Env,
  upstream: {
    apiBaseUrl: string;
    defaultApiKey: string | null;
    demoUsers: readonly DemoUserAccount[] | null;
    embeddedOAuth: OAuthClientSettings | null;
    /** The backend's own "who is this" (Outreach); absent: Close's `GET /me/`. */
    whoIs?: WhoIs;
    /** How a stored credential goes upstream, from the backend's connector; absent: Close's. */
    authorizationOf?: AuthSettings['authorizationOf'];
  },
  logger: Logger,
): Promise<OpenedAuth> {
  const oauth: OAuthClientSettings | null =
    upstream.embeddedOAuth ??
    (env.CLOSE_OAUTH_CLIENT_ID && env.CLOSE_OAUTH_CLIENT_SECRET
      ? { clientId: env.CLOSE_OAUTH_CLIENT_ID, clientSecret: env.CLOSE_OAUTH_CLIENT_SECRET, authorizeUrl: env.CLOSE_OAUTH_URL, tokenUrl: env.CLOSE_OAUTH_TOKEN_URL }
      : null);
  const settings: AuthSettings = {
    backend: env.BACKEND,
    signIn: env.SIGN_IN,
    apiBaseUrl: upstream.apiBaseUrl,
    defaultApiKey: env.SIGN_IN === 'optional' ? upstream.defaultApiKey : null,
    oauth,
    publicUrl: env.PUBLIC_URL ?? null,
    idleMs: env.SESSION_IDLE_MINUTES * 60_000,
    maxMs: env.SESSION_MAX_DAYS * 24 * 60 * 60_000,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    demoUsers: upstream.demoUsers,
    ...(upstream.whoIs ? { whoIs: upstream.whoIs } : {}),
    ...(upstream.authorizationOf ? { authorizationOf: upstream.authorizationOf } : {}),
  };
  const embeddedDemo = env.BACKEND === 'embedded' || env.BACKEND === 'outreach-demo';
  const secret = env.SESSION_SECRET ?? (embeddedDemo ? keptSessionSecret(env.DATA_DIR) : null);
  const secrets = [env.SESSION_SECRET ?? '', oauth?.clientSecret ?? '', ...(upstream.demoUsers ?? []).map((u) => u.apiKey)];
  if (!secret) {
    // Close with the server's key and no SESSION_SECRET: everyone acts as the key, as before sessions.
    const withoutSignIn = { ...settings, oauth: null };
    const credentials = fixedCredentialResolver(upstream.defaultApiKey ?? '');
    return { settings: withoutSignIn, context: null, credentials, secrets, close: async () => {} };
  }

  const store = await openStore(env);
  const context: AuthContext = { settings, store, cipher: new CredentialCipher(secret), now: Date.now };
  const sweep = () => store.deleteExpired(Date.now(), settings.idleMs, settings.maxMs).catch((error: unknown) => {
    logger.warn('could not sweep expired sessions', { reason: messageOf(error) });
  });
  void sweep();
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref();
  return {
    settings,
    context,
    credentials: createCredentialResolver(context, logger),
    secrets,
    close: async () => {
      clearInterval(sweeper);
      await store.close();
    },
  };
}

async function openStore(env: Env): Promise<SessionStore> {
  if (env.DATABASE_URL) {
    try {
      return await openPostgresSessionStore(env.DATABASE_URL);
    } catch (error) {
      throw new StartupError(`DATABASE_URL: cannot use the PostgreSQL database (${messageOf(error)}); check the URL and that the server is up`);
    }
  }
  ensureWritableDataDir(env.DATA_DIR);
  return openSqliteSessionStore(sessionsFile(env.DATA_DIR));
}

/**
 * The embedded default's session secret: made once and kept in DATA_DIR/session-secret (readable
 * by this user only), so sessions outlive a restart without anyone having to set one.
 */
export function keptSessionSecret(dataDir: string): string {
  ensureWritableDataDir(dataDir);
  const file = path.join(dataDir, 'session-secret');
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StartupError(`cannot read ${file} (${messageOf(error)}); remove it or set SESSION_SECRET`);
  }
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
