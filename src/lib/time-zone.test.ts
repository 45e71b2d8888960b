import { describe, expect, it } from 'vitest';
import { parseCloseDate } from '@/shared/close/dates';
import { dayInZone, isValidTimeZone, taskDayInZone, tzOffsetHours, zonedWallTimeToEpoch } from './time-zone';

/** An independent reading of the offset: Intl's "GMT+10:30" label for the instant. */
function labelledOffsetHours(zone: string, atMs: number): number {
  const label = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(atMs)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(label);
  if (!m) throw new Error(`unexpected offset label ${label}`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
}

describe('time zones', () => {
  it('gives fractional and DST-aware offsets', () => {
    expect(tzOffsetHours('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5);
    expect(tzOffsetHours('America/Los_Angeles', Date.UTC(2026, 0, 15))).toBe(-8);
    expect(tzOffsetHours('America/Los_Angeles', Date.UTC(2026, 6, 15))).toBe(-7);
    expect(tzOffsetHours('Australia/Adelaide', Date.UTC(2026, 0, 15))).toBe(10.5);
    expect(tzOffsetHours('UTC', Date.UTC(2026, 0, 15))).toBe(0);
  });

  it('keeps offsets right minute by minute across transitions, where they are cached per quarter hour', () => {
    // Lord Howe's DST starts at 02:00 at +10:30, i.e. 15:30 UTC: an hourly cache would be wrong
    // there. (date-fns-tz's getTimezoneOffset, read with an instant, was wrong for hours around
    // each of these on a host whose zone is not the one asked about.)
    const transitions: Array<[string, number]> = [
      ['Australia/Lord_Howe', Date.UTC(2026, 9, 3, 15, 30)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15, 0)],
      ['Pacific/Chatham', Date.UTC(2026, 8, 26, 14, 0)],
      ['America/Los_Angeles', Date.UTC(2026, 2, 8, 10, 0)],
      ['Europe/Berlin', Date.UTC(2026, 9, 25, 1, 0)],
      ['America/St_Johns', Date.UTC(2026, 10, 1, 4, 30)],
    ];
    for (const [zone, at] of transitions) {
      const offsets = new Set<number>();
      for (let t = at - 90 * 60_000; t <= at + 90 * 60_000; t += 60_000) {
        const hours = tzOffsetHours(zone, t);
        expect(hours, `${zone} at ${new Date(t).toISOString()}`).toBe(labelledOffsetHours(zone, t));
        offsets.add(hours);
      }
      expect(offsets.size, `${zone} changes offset around ${new Date(at).toISOString()}`).toBe(2);
    }
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
  });

  it('finds the local day of an instant and of a task date', () => {
    const instant = Date.UTC(2015, 0, 12, 7, 0);
    expect(dayInZone(instant, 'America/Los_Angeles')).toBe('2015-01-11');
    expect(dayInZone(instant, 'Europe/Berlin')).toBe('2015-01-12');
    expect(taskDayInZone(parseCloseDate('2015-01-12')!, 'Pacific/Kiritimati')).toBe('2015-01-12');
    expect(taskDayInZone(parseCloseDate('2015-01-12T07:00:00Z')!, 'America/Los_Angeles')).toBe('2015-01-11');
  });

  it('converts wall-clock time across a DST change', () => {
    // 2026-03-08: US clocks spring forward at 02:00 local.
    expect(zonedWallTimeToEpoch('2026-03-07', 9, 0, 'America/New_York')).toBe(Date.UTC(2026, 2, 7, 14, 0));
    expect(zonedWallTimeToEpoch('2026-03-09', 9, 0, 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 13, 0));
    expect(zonedWallTimeToEpoch('2026-01-05', 9, 0, 'Asia/Kolkata')).toBe(Date.UTC(2026, 0, 5, 3, 30));
  });
});
