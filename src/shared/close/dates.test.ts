import { describe, expect, it } from 'vitest';
import {
  addDaysToDay,
  compareDateStrings,
  dayBoundsAt,
  formatCloseDateTime,
  formatTzOffset,
  localDayAt,
  parseCloseDate,
  parseTzOffset,
} from './dates';

describe('parseCloseDate', () => {
  it('reads date-only dates as their UTC midnight', () => {
    expect(parseCloseDate('2015-01-12')).toEqual({ kind: 0, day: '2015-01-12', epochMs: Date.UTC(2015, 0, 12) });
  });
  it('reads date-times with Z, offsets, fractions, and none (UTC)', () => {
    expect(parseCloseDate('2015-01-12T08:00:00')!.epochMs).toBe(Date.UTC(2015, 0, 12, 8));
    expect(parseCloseDate('2015-01-12T08:00:00+00:00')!.epochMs).toBe(Date.UTC(2015, 0, 12, 8));
    expect(parseCloseDate('2015-01-12T00:00:00-08:00')!.epochMs).toBe(Date.UTC(2015, 0, 12, 8));
    expect(parseCloseDate('2015-01-12T13:30:00+0530')!.epochMs).toBe(Date.UTC(2015, 0, 12, 8));
    expect(parseCloseDate('2015-02-08T20:30:54.314000+00:00')!.epochMs).toBe(Date.UTC(2015, 1, 8, 20, 30, 54, 314));
  });
  it('rejects malformed and impossible dates', () => {
    for (const s of ['', 'tomorrow', '2015-02-29', '2015-13-01', '2015-01-12T24:00:00', '2015-1-2', '2015-01-12T08:00:00+25:00']) {
      expect(parseCloseDate(s), s).toBeNull();
    }
  });
});

describe('formatCloseDateTime', () => {
  it("writes Close's UTC format with microseconds only when there is a fraction", () => {
    expect(formatCloseDateTime(Date.UTC(2015, 1, 8, 20, 30, 54, 314))).toBe('2015-02-08T20:30:54.314000+00:00');
    expect(formatCloseDateTime(Date.UTC(2015, 0, 9, 19, 50, 49))).toBe('2015-01-09T19:50:49+00:00');
  });
});

describe("Close's order (seed 000)", () => {
  it('in PST puts 2015-01-12 after 07:00Z and before 08:00Z, and before a date-time at the same instant', () => {
    const sorted = ['2015-01-12T08:00:00', '2015-01-12', '2015-01-12T07:00:00'].sort((a, b) => compareDateStrings(a, b, -8));
    expect(sorted).toEqual(['2015-01-12T07:00:00', '2015-01-12', '2015-01-12T08:00:00']);
    expect(compareDateStrings('2015-01-12', '2015-01-12T08:00:00Z', -8)).toBeLessThan(0);
  });
  it('sorts missing dates last', () => {
    expect(['2015-01-01', null, '2014-01-01'].sort((a, b) => compareDateStrings(a, b, 0))).toEqual(['2014-01-01', '2015-01-01', null]);
  });
});

describe('time zone offsets', () => {
  it('reads the header forms Close clients send', () => {
    expect(parseTzOffset('-8')).toBe(-8);
    expect(parseTzOffset('5.5')).toBe(5.5);
    expect(parseTzOffset('-5.0')).toBe(-5);
    expect(Object.is(parseTzOffset('-0.0'), 0)).toBe(true);
    expect(parseTzOffset('+1')).toBe(1);
    expect(parseTzOffset(undefined)).toBe(0);
    for (const bad of ['eight', '-13', '15', '1e1', '--1', '5.5.5']) expect(parseTzOffset(bad), bad).toBeNull();
  });
  it('formats offsets for the header', () => {
    expect(formatTzOffset(-8)).toBe('-8');
    expect(formatTzOffset(5.5)).toBe('5.5');
    expect(formatTzOffset(5.75)).toBe('5.75');
  });
  it('finds the local day and its bounds for fractional and negative offsets', () => {
    const now = Date.UTC(2026, 10, 23, 20, 0);
    expect(localDayAt(now, 5.5)).toBe('2026-11-24');
    expect(dayBoundsAt(now, 5.5)).toEqual({ todayStart: Date.UTC(2026, 10, 23, 18, 30), tomorrowStart: Date.UTC(2026, 10, 24, 18, 30) });
    expect(dayBoundsAt(now, -8)).toEqual({ todayStart: Date.UTC(2026, 10, 23, 8), tomorrowStart: Date.UTC(2026, 10, 24, 8) });
    expect(addDaysToDay('2026-02-28', 1)).toBe('2026-03-01');
  });
});
