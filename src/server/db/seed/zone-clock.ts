import { DAY_MS } from '@/shared/close/dates';
import { dayInZone, tzOffsetHours, zonedWallTimeToEpoch } from '@/shared/close/zones';

const HOUR_MS = 3_600_000;

/**
 * Wall-clock times in one user's zone, relative to their today. Offsets are looked up once per day
 * (at local noon, after any 2-3 a.m. DST switch in the demo zones), which keeps 100k rows fast.
 */
export class ZoneClock {
  readonly todayUtcMidnight: number;
  private readonly offsets = new Map<number, number>();

  constructor(
    readonly zone: string,
    nowMs: number,
  ) {
    // dayInZone throws a RangeError for a zone Intl does not know.
    this.todayUtcMidnight = Date.parse(`${dayInZone(nowMs, zone)}T00:00:00Z`);
  }

  day(dayOffset: number): string {
    return new Date(this.todayUtcMidnight + dayOffset * DAY_MS).toISOString().slice(0, 10);
  }

  at(dayOffset: number, hour: number, minute: number, second = 0, ms = 0): number {
    const midnight = this.todayUtcMidnight + dayOffset * DAY_MS;
    let offsetMs = this.offsets.get(dayOffset);
    if (offsetMs === undefined) {
      // The offset at the day's local noon (DST changes happen at night).
      offsetMs = tzOffsetHours(this.zone, zonedWallTimeToEpoch(this.day(dayOffset), 12, 0, this.zone)) * HOUR_MS;
      this.offsets.set(dayOffset, offsetMs);
    }
    return midnight + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMs;
  }
}
