import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteSessionStore, sessionsFile } from '../auth/sqlite-session-store';
import { openSqliteZoneStore } from './sqlite-zone-store';
import { describeZoneStore } from './testing/zone-store-suite';

describeZoneStore('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-zones-'));
  const file = sessionsFile(dir);
  const store = openSqliteZoneStore(file);
  return {
    store,
    reopen: async () => openSqliteZoneStore(file),
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

it('shares the sign-in store’s file with the session store, each with its own migrations', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-zones-'));
  const file = sessionsFile(dir);
  try {
    const sessions = openSqliteSessionStore(file);
    const zones = openSqliteZoneStore(file);
    await zones.reportBrowserZone('orga_1', 'user_1', 'Asia/Tokyo', 1);
    await sessions.saveOAuthState({ id: 'state', returnTo: '/', expiresAt: 10 });
    await Promise.all([sessions.close(), zones.close()]);
    // Opened again in the other order: neither mistakes the other's tables for its own.
    const zonesAgain = openSqliteZoneStore(file);
    const sessionsAgain = openSqliteSessionStore(file);
    expect((await sessionsAgain.takeOAuthState('state', 1))?.returnTo).toBe('/');
    expect((await zonesAgain.listZones('orga_1')).map((z) => z.browserZone)).toEqual(['Asia/Tokyo']);
    await Promise.all([sessionsAgain.close(), zonesAgain.close()]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
