/**
 * The desk's counts against the real embedded API, through our real proxy, over HTTP: in Kolkata
 * (UTC+5:30), Tokyo and Los Angeles, minutes after and before the rep's midnight, every count
 * equals what the API itself answers for that slice in that zone.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { setDefaultApiOrigin } from '@/lib/api-client';
import { DAY_MS, addDaysToDay, formatCloseDateTime, localDayAt } from '@/shared/close/dates';
import { tzOffsetHours, zonedWallTimeToEpoch } from '@/shared/close/zones';
import { startTestCloseApi } from '@/server/close-api/testing/test-close-api';
import { setUpProxiedCloseApi } from '@/server/testing/proxied-close-api';
import { startTestApp } from '@/server/testing/start-test-app';
import { type PageProbe, RequestPool, WORKLOAD_SLICES, countListing, countWorkload, workloadSliceFilters } from './count-workload';
import { serializeTaskFilters } from '@/shared/close/task-filters';

const stack = setUpProxiedCloseApi((url) => setDefaultApiOrigin(() => url));

const MINUTE = 60_000;

/** What the API answers for a slice, read to the end one page after another. */
async function countByReading(params: Record<string, string>, tz: string): Promise<number> {
  let n = 0;
  for (let skip = 0; ; skip += 200) {
    const qs = new URLSearchParams({ ...params, _fields: 'id', _limit: '200', _skip: String(skip) });
    const page = (await (await stack.api.fetch(`/task/?${qs}`, { key: stack.api.users.manager.key, tz })).json()) as { data: unknown[]; has_more: boolean };
    n += page.data.length;
    if (!page.has_more) return n;
  }
}

const ZONES = ['Asia/Kolkata', 'Asia/Tokyo', 'America/Los_Angeles'] as const;

describe('countWorkload in the rep’s zone, around their midnight', () => {
  for (const zone of ZONES) {
    for (const [when, minutesFromMidnight] of [['just after', 5], ['just before', 24 * 60 - 5]] as const) {
      it(`${zone}, ${when} midnight`, async () => {
        const realNow = Date.now();
        const today = localDayAt(realNow, tzOffsetHours(zone, realNow));
        const todayStart = zonedWallTimeToEpoch(today, 0, 0, zone);
        const tomorrow = addDaysToDay(today, 1);
        const tomorrowStart = zonedWallTimeToEpoch(tomorrow, 0, 0, zone);
        const nowMs = todayStart + minutesFromMidnight * MINUTE;
        const rep = stack.addRep(zone.replace(/\W/g, ''));
        const add = (date: string, extra: { isComplete?: boolean; type?: string; createdMs?: number } = {}) =>
          stack.api.addTask({ date, assignedTo: rep, ...extra });
        // Overdue: a minute before their midnight, yesterday (date-only), a week ago.
        add(formatCloseDateTime(todayStart - MINUTE));
        add(addDaysToDay(today, -1), { type: 'incoming_email' });
        add(formatCloseDateTime(todayStart - 7 * DAY_MS));
        // Today: at and a minute after midnight, today (date-only), a minute before tomorrow.
        add(formatCloseDateTime(todayStart), { type: 'voicemail' });
        add(formatCloseDateTime(todayStart + MINUTE));
        add(today);
        add(formatCloseDateTime(tomorrowStart - MINUTE), { type: 'missed_call' });
        // Future: tomorrow's midnight, tomorrow (date-only), next month.
        add(formatCloseDateTime(tomorrowStart));
        add(tomorrow, { type: 'incoming_sms' });
        add(addDaysToDay(today, 30));
        // Done: at the start of their day six days ago (counted), a minute before it (not).
        const sixDaysAgoStart = zonedWallTimeToEpoch(addDaysToDay(today, -6), 0, 0, zone);
        add(today, { isComplete: true, createdMs: sixDaysAgoStart });
        add(today, { isComplete: true, createdMs: realNow - MINUTE, type: 'voicemail' });
        add(today, { isComplete: true, createdMs: sixDaysAgoStart - MINUTE });

        const counts = await countWorkload({ userId: rep, timeZone: zone, nowMs, pool: new RequestPool(4) });
        expect(counts).toEqual({ overdue: 3, today: 4, future: 3, doneLast7Days: 2 });

        // The API's own answers in that zone: each slice read to the end, and Close's views.
        const tz = String(tzOffsetHours(zone, realNow));
        const offset = tzOffsetHours(zone, nowMs);
        for (const slice of WORKLOAD_SLICES) {
          expect(await countByReading(serializeTaskFilters(workloadSliceFilters(slice, rep, nowMs, offset)), tz), slice).toBe(counts[slice]);
        }
        if (localDayAt(realNow, offset) === localDayAt(nowMs, offset)) {
          expect(await countByReading({ assigned_to: rep, _type: 'all', view: 'inbox' }, tz)).toBe(counts.overdue + counts.today);
          expect(await countByReading({ assigned_to: rep, _type: 'all', view: 'future' }, tz)).toBe(counts.future);
        }
      });
    }
  }

  it('counts thousands, reports progress, and waits out the rate limit', async () => {
    const limited = await startTestCloseApi({ rateLimit: { limit: 8, windowMs: 1_000 } });
    const proxy = await startTestApp({ upstream: { baseUrl: limited.baseUrl, apiKey: limited.users.manager.key } });
    try {
      setDefaultApiOrigin(() => proxy.url);
      const zone = 'Asia/Tokyo';
      const now = Date.now();
      const today = localDayAt(now, tzOffsetHours(zone, now));
      for (let i = 0; i < 1_234; i++) limited.addTask({ date: addDaysToDay(today, 1 + (i % 40)) });
      for (let i = 0; i < 321; i++) limited.addTask({ date: addDaysToDay(today, -1 - (i % 40)), type: 'voicemail' });
      const progress: number[] = [];
      const counts = await countWorkload({
        userId: limited.users.rep.id,
        timeZone: zone,
        pool: new RequestPool(6),
        onProgress: (p) => progress.push(Object.keys(p.counts).length),
      });
      expect(counts).toEqual({ overdue: 321, today: 0, future: 1_234, doneLast7Days: 0 });
      // The done count alone, or the three open ones at once, then all four.
      expect(progress.at(-1)).toBe(4);
      expect(progress.length).toBe(2);
    } finally {
      setDefaultApiOrigin(() => stack.app.url);
      await proxy.close();
      await limited.close();
    }
  });
});

describe('countWorkload against a Close that answers a task without a date', () => {
  it('counts the open slices by their own filters instead', async () => {
    // A stand-in for Close on loopback: the listing by date holds a task whose date is null.
    const server = http.createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const n = q.get('_fields') === 'id,date' ? -1 : q.get('is_complete') === 'true' ? 4 : q.has('date__lt') && q.has('date__gte') ? 2 : q.has('date__lt') ? 3 : 1;
      const data = n === -1 ? [{ id: 'task_a', date: null }] : Array.from({ length: Math.max(0, n - Number(q.get('_skip'))) }, (_, i) => ({ id: `task_${i}` }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data, has_more: false }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      setDefaultApiOrigin(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const counts = await countWorkload({ userId: 'user_x', timeZone: 'Asia/Kolkata', pool: new RequestPool(2) });
      expect(counts).toEqual({ overdue: 3, today: 2, future: 1, doneLast7Days: 4 });
    } finally {
      setDefaultApiOrigin(() => stack.app.url);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('countListing', () => {
  /** A listing of `count` items, paged like the API, counting the probes. */
  function listing(count: number): { probe: PageProbe; probes: number[] } {
    const probes: number[] = [];
    return {
      probes,
      probe: async (skip) => {
        probes.push(skip);
        const length = Math.max(0, Math.min(200, count - skip));
        return { length, hasMore: count > skip + 200 };
      },
    };
  }

  it('finds every count, in about 2·log2(pages) probes', async () => {
    for (const count of [0, 1, 199, 200, 201, 399, 400, 401, 1_600, 2_000, 2_001, 12_345, 100_000]) {
      const l = listing(count);
      expect(await countListing(l.probe), String(count)).toBe(count);
      const pages = Math.max(1, Math.ceil(count / 200));
      expect(l.probes.length, String(count)).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(pages)) + 2);
    }
    const l = listing(2_000);
    await countListing(l.probe);
    expect(l.probes.length).toBeLessThan(10);
  });

  it('needs one probe when the count is still on the page of the hint, and finds it when it moved', async () => {
    const offByOne = listing(2_000);
    expect(await countListing(offByOne.probe, 2_001)).toBe(2_000);
    expect(offByOne.probes).toEqual([2_000, 1_800]);
    for (const [count, hint] of [[2_000, 1_950], [1_999, 1_801], [150, 7], [0, 400], [5_000, 1_000], [10, 100_000]] as const) {
      const l = listing(count);
      expect(await countListing(l.probe, hint)).toBe(count);
      if (Math.floor((Math.max(count, 1) - 1) / 200) === Math.floor((hint - 1) / 200) && count > 0) expect(l.probes).toHaveLength(1);
    }
  });

  it('starts over when the listing shrinks under the search', async () => {
    let count = 5_000;
    const probe: PageProbe = async (skip) => {
      const answer = { length: Math.max(0, Math.min(200, count - skip)), hasMore: count > skip + 200 };
      count = 300;
      return answer;
    };
    expect(await countListing(probe)).toBe(300);
  });
});
