import { describe, expect, it } from 'vitest';
import { parseCloseDate } from './dates';
import {
  dayBoundsInZone,
  dayInZone,
  formatDateTimeLabel,
  formatDayLabel,
  formatZoneOffset,
  isValidTimeZone,
  taskDayInZone,
  tzOffsetHours,
  zonedParts,
  zonedWallClock,
  zonedWallTimeToEpoch,
} from './zones';

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


describe('zoned-format', () => {
  it('gives the calendar day in the zone', () => {
    const instant = Date.UTC(2015, 0, 12, 7, 0);
    expect(dayInZone(instant, 'America/Los_Angeles')).toBe('2015-01-11');
    expect(dayInZone(instant, 'Europe/Berlin')).toBe('2015-01-12');
    expect(dayInZone(Date.UTC(2026, 10, 24, 14, 0), 'Pacific/Kiritimati')).toBe('2026-11-25');
  });

  it('reads like the date-fns patterns it replaces', () => {
    const at = Date.UTC(2026, 10, 24, 14, 30);
    expect(formatDayLabel(at, 'UTC', false)).toBe('Tue, Nov 24');
    expect(formatDayLabel(at, 'UTC', true)).toBe('Tue, Nov 24, 2026');
    expect(formatDateTimeLabel(at, 'America/New_York', false)).toBe('Tue, Nov 24, 9:30 AM');
    expect(formatDateTimeLabel(at, 'Asia/Kolkata', true)).toBe('Tue, Nov 24, 2026, 8:00 PM');
    // Midnight and noon on a 12-hour clock, with a plain space before AM/PM.
    expect(formatDateTimeLabel(Date.UTC(2026, 0, 5, 0, 5), 'UTC', false)).toBe('Mon, Jan 5, 12:05 AM');
    expect(formatDateTimeLabel(Date.UTC(2026, 0, 5, 12, 0), 'UTC', false)).toBe('Mon, Jan 5, 12:00 PM');
  });

  it('follows daylight saving time', () => {
    expect(zonedParts(Date.UTC(2026, 6, 14, 13, 30), 'America/New_York')).toEqual({
      day: '2026-07-14',
      year: '2026',
      dayLabel: 'Tue, Jul 14',
      time: '9:30 AM',
    });
  });

  it('rejects an unknown zone as Intl does', () => {
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('zone offsets as people read them, and local days as instants', () => {
  it('formats the offset at an instant', () => {
    expect(formatZoneOffset('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe('UTC+05:30');
    expect(formatZoneOffset('America/New_York', Date.UTC(2026, 0, 15))).toBe('UTC−05:00');
    expect(formatZoneOffset('America/New_York', Date.UTC(2026, 6, 15))).toBe('UTC−04:00');
    expect(formatZoneOffset('UTC', Date.UTC(2026, 6, 15))).toBe('UTC+00:00');
  });

  it('gives the instants a local day starts and ends at, DST days included', () => {
    expect(dayBoundsInZone('2026-01-05', 'Asia/Kolkata')).toEqual({
      start: Date.UTC(2026, 0, 4, 18, 30),
      end: Date.UTC(2026, 0, 5, 18, 30),
    });
    // 2026-03-08 in New York has 23 hours.
    const { start, end } = dayBoundsInZone('2026-03-08', 'America/New_York');
    expect(start).toBe(Date.UTC(2026, 2, 8, 5, 0));
    expect(end - start).toBe(23 * 3_600_000);
    expect(dayBoundsInZone('2026-01-05', 'Pacific/Kiritimati').start).toBe(Date.UTC(2026, 0, 4, 10, 0));
  });

  it('reads the wall clock at an instant', () => {
    expect(zonedWallClock(Date.UTC(2026, 6, 14, 13, 30, 15), 'America/New_York')).toEqual({
      year: 2026,
      month: 7,
      day: 14,
      hour: 9,
      minute: 30,
      second: 15,
      weekday: 'Tue',
    });
    expect(zonedWallClock(Date.UTC(2026, 0, 5, 0, 5), 'UTC').hour).toBe(0);
  });
});
