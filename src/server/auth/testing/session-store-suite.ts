/**
 * One body of tests for every SessionStore: SQLite and PostgreSQL must keep the same promises.
 * `open` gives a fresh, empty store; `rawBytes` everything the store has written, as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCipher, openCredential, sealCredential } from '../credential-cipher';
import { hashToken, newSessionToken } from '../session-cookie';
import type { SessionStore, StoredSession } from '../session-store';

export interface StoreUnderTest {
  store: SessionStore;
  /** Everything the store keeps, as the bytes an attacker with the file or the rows would read. */
  rawBytes(): Promise<string>;
  dispose(): Promise<void>;
}

const cipher = new CredentialCipher('a-store-suite-secret-of-at-least-32-chars');

function newSession(at: number, overrides: Partial<StoredSession> = {}): StoredSession {
  const id = hashToken(newSessionToken());
  return {
    id,
    user: { id: 'user_1', email: 'a@example.com', first_name: 'Ann', last_name: 'Lee', organization_id: 'orga_1' },
    credentialKind: 'api_key',
    credential: sealCredential(cipher, { apiKey: `api_secret-${id.slice(0, 8)}` }, id),
    accessExpiresAt: null,
    createdAt: at,
    lastSeenAt: at,
    ...overrides,
  };
}

export function describeSessionStore(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} session store`, () => {
    let subject: StoreUnderTest;
    let store: SessionStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('keeps a session and gives it back as it was', async () => {
      const session = newSession(1_700_000_000_000, { credentialKind: 'oauth', accessExpiresAt: 1_700_000_360_000 });
      await store.createSession(session);
      expect(await store.findSession(session.id)).toEqual(session);
      expect(await store.findSession(hashToken(newSessionToken()))).toBeNull();
    });

    it('records activity only forward in time', async () => {
      const session = newSession(1_000);
      await store.createSession(session);
      await store.touchSession(session.id, 5_000);
      await store.touchSession(session.id, 3_000);
      expect((await store.findSession(session.id))?.lastSeenAt).toBe(5_000);
    });

    it('deletes a session', async () => {
      const session = newSession(1_000);
      await store.createSession(session);
      await store.deleteSession(session.id);
      expect(await store.findSession(session.id)).toBeNull();
    });

    it('gives the refresh lease to one caller at a time, and again once it ran out or was released', async () => {
      const session = newSession(1_000, { credentialKind: 'oauth', accessExpiresAt: 2_000 });
      await store.createSession(session);
      const claims = await Promise.all([1, 2, 3].map(() => store.claimRefreshLease(session.id, 10_000, 1_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimRefreshLease(session.id, 20_000, 9_999)).toBe(false);
      expect(await store.claimRefreshLease(session.id, 20_000, 10_001)).toBe(true);
      await store.releaseRefreshLease(session.id);
      expect(await store.claimRefreshLease(session.id, 30_000, 10_002)).toBe(true);
      const sealed = sealCredential(cipher, { accessToken: 'new-access', refreshToken: 'new-refresh' }, session.id);
      await store.saveRefreshedCredential(session.id, sealed, 99_000);
      const saved = await store.findSession(session.id);
      expect(saved?.accessExpiresAt).toBe(99_000);
      expect(openCredential(cipher, saved!.credential, session.id)).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh' });
      // Saving frees the lease.
      expect(await store.claimRefreshLease(session.id, 40_000, 10_003)).toBe(true);
    });

    it('hands out an OAuth state once, and not after it expired', async () => {
      await store.saveOAuthState({ id: 'state-a', returnTo: '/inbox?tz=UTC', expiresAt: 5_000 });
      await store.saveOAuthState({ id: 'state-b', returnTo: '/', expiresAt: 5_000 });
      const [first, second] = await Promise.all([store.takeOAuthState('state-a', 1_000), store.takeOAuthState('state-a', 1_000)]);
      expect([first, second].filter(Boolean)).toEqual([{ id: 'state-a', returnTo: '/inbox?tz=UTC', expiresAt: 5_000 }]);
      expect(await store.takeOAuthState('state-b', 6_000)).toBeNull();
      expect(await store.takeOAuthState('state-b', 1_000)).toBeNull();
    });

    it('sweeps sessions past their idle or absolute lifetime', async () => {
      const idle = newSession(100_000, { lastSeenAt: 100_000 });
      const old = newSession(10_000, { lastSeenAt: 190_000 });
      const live = newSession(150_000, { lastSeenAt: 195_000 });
      for (const s of [idle, old, live]) await store.createSession(s);
      await store.deleteExpired(200_000, 50_000, 150_000);
      expect(await store.findSession(idle.id)).toBeNull();
      expect(await store.findSession(old.id)).toBeNull();
      expect(await store.findSession(live.id)).not.toBeNull();
    });

    it('holds no credential in the clear', async () => {
      const session = newSession(1_000);
      await store.createSession(session);
      const key = openCredential(cipher, session.credential, session.id);
      expect(key).toEqual({ apiKey: expect.stringMatching(/^api_secret-/) });
      const raw = await subject.rawBytes();
      expect(raw).toContain(session.id);
      expect(raw).not.toContain((key as { apiKey: string }).apiKey);
      expect(raw).not.toContain('new-refresh');
    });
  });
}
