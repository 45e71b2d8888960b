import { describe, expect, it } from 'vitest';
import { calendarDayInZone, formatDateTimeLabel, formatDayLabel, zonedParts } from './zoned-format';

describe('zoned-format', () => {
  it('gives the calendar day in the zone', () => {
    const instant = Date.UTC(2015, 0, 12, 7, 0);
    expect(calendarDayInZone(instant, 'America/Los_Angeles')).toBe('2015-01-11');
    expect(calendarDayInZone(instant, 'Europe/Berlin')).toBe('2015-01-12');
    expect(calendarDayInZone(Date.UTC(2026, 10, 24, 14, 0), 'Pacific/Kiritimati')).toBe('2026-11-25');
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
