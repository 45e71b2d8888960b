/**
 * A new session for a person who has just proven who they are (an API key, a demo user, an OAuth
 * code): a fresh token in the cookie, its hash and the sealed credential in the store. A session
 * the browser already had ends, so each sign-in has a new id.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { AuthContext } from './auth-settings';
import { cookieSettings } from './auth-settings';
import { type SessionCredential, sealCredential } from './credential-cipher';
import { hashToken, isTokenShaped, newSessionToken, readSessionToken, setSessionCookie } from './session-cookie';
import type { SessionUser } from './session-store';

export async function startSession(
  c: Context<AppEnv>,
  auth: AuthContext,
  user: SessionUser,
  credential: SessionCredential,
  accessExpiresAt: number | null,
): Promise<void> {
  const previous = readSessionToken(c);
  if (isTokenShaped(previous)) await auth.store.deleteSession(hashToken(previous));
  const token = newSessionToken();
  const id = hashToken(token);
  const at = auth.now();
  await auth.store.createSession({
    id,
    user,
    credentialKind: 'apiKey' in credential ? 'api_key' : 'oauth',
    credential: sealCredential(auth.cipher, credential, id),
    accessExpiresAt,
    createdAt: at,
    lastSeenAt: at,
  });
  setSessionCookie(c, token, cookieSettings(auth.settings), Math.floor(auth.settings.maxMs / 1000));
}
