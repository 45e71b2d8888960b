/** The session a cookie's token names, if it is still alive; an expired one is deleted on sight. */
import type { AuthContext } from './auth-settings';
import { hashToken, isTokenShaped } from './session-cookie';
import type { StoredSession } from './session-store';

export async function findLiveSession(auth: AuthContext, token: string | undefined): Promise<StoredSession | null> {
  if (!isTokenShaped(token)) return null;
  const id = hashToken(token);
  const kept = await auth.store.findSession(id);
  if (!kept) return null;
  const at = auth.now();
  if (!expired(auth, kept, at)) return kept;
  // The copy in memory may predate another instance's record of activity: ask the row itself.
  const session = await auth.store.findSession(id, { fresh: true });
  if (!session) return null;
  if (!expired(auth, session, at)) return session;
  await auth.store.deleteSession(id);
  return null;
}

function expired(auth: AuthContext, session: StoredSession, at: number): boolean {
  return at - session.lastSeenAt > auth.settings.idleMs || at - session.createdAt > auth.settings.maxMs;
}
