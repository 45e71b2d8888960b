/** The session a cookie's token names, if it is still alive; an expired one is deleted on sight. */
import type { AuthContext } from './auth-settings';
import { hashToken, isTokenShaped } from './session-cookie';
import type { StoredSession } from './session-store';

export async function findLiveSession(auth: AuthContext, token: string | undefined): Promise<StoredSession | null> {
  if (!isTokenShaped(token)) return null;
  const id = hashToken(token);
  const session = await auth.store.findSession(id);
  if (!session) return null;
  const at = auth.now();
  if (at - session.lastSeenAt > auth.settings.idleMs || at - session.createdAt > auth.settings.maxMs) {
    await auth.store.deleteSession(id);
    return null;
  }
  return session;
}
