import { describe, expect, it } from 'vitest';
import { parseCloseDate } from '@/shared/close/dates';
import { dayInZone, isValidTimeZone, taskDayInZone, tzOffsetHours, zonedWallTimeToEpoch } from './time-zone';

describe('time zones', () => {
  it('gives fractional and DST-aware offsets', () => {
    expect(tzOffsetHours('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(5.5);
    expect(tzOffsetHours('America/Los_Angeles', Date.UTC(2026, 0, 15))).toBe(-8);
    expect(tzOffsetHours('America/Los_Angeles', Date.UTC(2026, 6, 15))).toBe(-7);
    expect(tzOffsetHours('Australia/Adelaide', Date.UTC(2026, 0, 15))).toBe(10.5);
    expect(tzOffsetHours('UTC', Date.UTC(2026, 0, 15))).toBe(0);
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
