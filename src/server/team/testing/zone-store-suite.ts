/** One body of tests for every ZoneStore: SQLite and PostgreSQL keep the same promises. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneStore } from '../zone-store';

export interface ZoneStoreUnderTest {
  store: ZoneStore;
  /** The same database opened again, as a restarted server (or another instance) opens it. */
  reopen(): Promise<ZoneStore>;
  dispose(): Promise<void>;
}

export function describeZoneStore(name: string, open: () => Promise<ZoneStoreUnderTest>): void {
  describe(`${name} zone store`, () => {
    let subject: ZoneStoreUnderTest;
    let store: ZoneStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('keeps what a browser reported, the latest report winning', async () => {
      await store.reportBrowserZone('orga_a', 'user_1', 'Asia/Tokyo', 1_000);
      await store.reportBrowserZone('orga_a', 'user_1', 'Europe/Berlin', 2_000);
      expect(await store.listZones('orga_a')).toEqual([
        { userId: 'user_1', browserZone: 'Europe/Berlin', browserReportedAt: 2_000, managerZone: null, managerSetBy: null, managerSetAt: null },
      ]);
    });

    it('keeps a manager override beside the browser’s zone, and clears it', async () => {
      await store.reportBrowserZone('orga_b', 'user_2', 'Asia/Kolkata', 1_000);
      await store.setManagerZone('orga_b', 'user_2', 'America/Los_Angeles', 'user_boss', 3_000);
      await store.setManagerZone('orga_b', 'user_3', 'Asia/Tokyo', 'user_boss', 4_000);
      // A later report by the browser leaves the override alone.
      await store.reportBrowserZone('orga_b', 'user_2', 'Asia/Kolkata', 5_000);
      expect(await store.listZones('orga_b')).toEqual([
        { userId: 'user_2', browserZone: 'Asia/Kolkata', browserReportedAt: 5_000, managerZone: 'America/Los_Angeles', managerSetBy: 'user_boss', managerSetAt: 3_000 },
        { userId: 'user_3', browserZone: null, browserReportedAt: null, managerZone: 'Asia/Tokyo', managerSetBy: 'user_boss', managerSetAt: 4_000 },
      ]);
      await store.clearManagerZone('orga_b', 'user_2');
      await store.clearManagerZone('orga_b', 'user_3');
      await store.clearManagerZone('orga_b', 'user_nobody');
      expect(await store.listZones('orga_b')).toEqual([
        { userId: 'user_2', browserZone: 'Asia/Kolkata', browserReportedAt: 5_000, managerZone: null, managerSetBy: null, managerSetAt: null },
      ]);
    });

    it('keeps each organization to itself', async () => {
      await store.reportBrowserZone('orga_c', 'user_9', 'UTC', 1);
      expect((await store.listZones('orga_c')).map((z) => z.userId)).toEqual(['user_9']);
      expect(await store.listZones('orga_none')).toEqual([]);
    });

    it('finds everything again after a restart, without migrating twice', async () => {
      await store.reportBrowserZone('orga_d', 'user_4', 'Asia/Tokyo', 7);
      const again = await subject.reopen();
      try {
        expect(await again.listZones('orga_d')).toEqual([
          { userId: 'user_4', browserZone: 'Asia/Tokyo', browserReportedAt: 7, managerZone: null, managerSetBy: null, managerSetAt: null },
        ]);
      } finally {
        await again.close();
      }
    });
  });
}
