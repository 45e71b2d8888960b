import { describe, expect, it } from 'vitest';
import {
  customSnoozeDate,
  tryCustomSnoozeDate,
  describeSnoozeDate,
  laterToday,
  nextMonday,
  nextWeek,
  orderSnoozeTargets,
  plusOneDay,
  snoozeTargets,
  tomorrowMorning,
} from './snooze-presets';

const NY = 'America/New_York';

describe('snooze presets', () => {
  it('later today is three hours on, rounded up to the quarter hour', () => {
    expect(laterToday(Date.UTC(2026, 0, 5, 14, 7, 30))).toBe('2026-01-05T17:15:00+00:00');
    expect(laterToday(Date.UTC(2026, 0, 5, 14, 15))).toBe('2026-01-05T17:15:00+00:00');
  });

  it('tomorrow morning is 9:00 in the zone, also across the March DST change', () => {
    // Sat Mar 7, 2026, 20:00 EST → Sun Mar 8 9:00 EDT (clocks sprang forward at 2:00).
    expect(tomorrowMorning(Date.UTC(2026, 2, 8, 1, 0), NY)).toBe('2026-03-08T13:00:00+00:00');
    // Late evening in New York is already the next day in UTC: tomorrow is still the zone's.
    expect(tomorrowMorning(Date.UTC(2026, 0, 6, 3, 0), NY)).toBe('2026-01-06T14:00:00+00:00');
    expect(tomorrowMorning(Date.UTC(2026, 0, 5, 10, 0), 'Asia/Kolkata')).toBe('2026-01-06T03:30:00+00:00');
  });

  it('next Monday is the first Monday after today, a full week ahead on a Monday', () => {
    expect(nextMonday(Date.UTC(2026, 0, 7, 15, 0), NY)).toBe('2026-01-12T14:00:00+00:00'); // from Wed
    expect(nextMonday(Date.UTC(2026, 0, 12, 15, 0), NY)).toBe('2026-01-19T14:00:00+00:00'); // from Mon
    expect(nextMonday(Date.UTC(2026, 0, 11, 15, 0), NY)).toBe('2026-01-12T14:00:00+00:00'); // from Sun
  });

  it('next week is the same weekday at 9:00, keeping 9:00 across the November change', () => {
    // Wed Oct 28, 2026 (EDT) → Wed Nov 4, 9:00 EST.
    expect(nextWeek(Date.UTC(2026, 9, 28, 15, 0), NY)).toBe('2026-11-04T14:00:00+00:00');
  });

  it('+1 day keeps a date-only task date-only, from the later of today and its day', () => {
    const now = Date.UTC(2026, 0, 5, 15, 0); // Mon Jan 5 in New York
    expect(plusOneDay('2026-01-09', now, NY)).toBe('2026-01-10');
    expect(plusOneDay('2025-12-01', now, NY)).toBe('2026-01-06');
    expect(plusOneDay('2026-01-05', now, NY)).toBe('2026-01-06');
  });

  it('+1 day keeps a future date-time at its wall-clock time across DST', () => {
    const now = Date.UTC(2026, 2, 1, 15, 0);
    // Sat Mar 7, 9:30 EST → Sun Mar 8, 9:30 EDT: 23 hours later, same clock time.
    expect(plusOneDay('2026-03-07T14:30:00+00:00', now, NY)).toBe('2026-03-08T13:30:00+00:00');
  });

  it('+1 day from an overdue date-time is a day after now', () => {
    const now = Date.UTC(2026, 0, 5, 15, 20); // 10:20 EST
    expect(plusOneDay('2025-06-01T12:00:00+00:00', now, NY)).toBe('2026-01-06T15:20:00+00:00');
    expect(plusOneDay(null, now, NY)).toBe('2026-01-06T15:20:00+00:00');
  });

  it('+1 day in a fractional zone (Asia/Kolkata) stays on the half hour', () => {
    const now = Date.UTC(2026, 0, 5, 0, 0);
    expect(plusOneDay('2026-01-07T04:00:00+00:00', now, 'Asia/Kolkata')).toBe('2026-01-08T04:00:00+00:00');
  });

  it('a custom date without a time is date-only; with a time it is that wall-clock time', () => {
    expect(customSnoozeDate('2026-03-08', null, NY)).toBe('2026-03-08');
    expect(customSnoozeDate('2026-03-08', { hour: 9, minute: 0 }, NY)).toBe('2026-03-08T13:00:00+00:00');
    expect(customSnoozeDate('2026-01-05', { hour: 17, minute: 45 }, 'Asia/Kolkata')).toBe('2026-01-05T12:15:00+00:00');
    expect(() => customSnoozeDate('2026-02-30', null, NY)).toThrow();
    // What a half-typed year looks like: not a date yet, and no crash.
    expect(tryCustomSnoozeDate('0002-01-02', null, NY)).toBeNull();
    expect(tryCustomSnoozeDate(null, { hour: 9, minute: 0 }, NY)).toBeNull();
    expect(tryCustomSnoozeDate('2026-03-08', null, NY)).toBe('2026-03-08');
  });

  it('describes targets in the zone and offers +1 day only for a single task', () => {
    const now = Date.UTC(2026, 0, 5, 15, 0);
    expect(describeSnoozeDate('2026-01-06T14:00:00+00:00', NY)).toBe('Tue, Jan 6, 9:00 AM');
    expect(describeSnoozeDate('2026-01-06', NY)).toBe('Tue, Jan 6');
    expect(snoozeTargets(now, NY).map((t) => t.id)).toEqual(['later-today', 'tomorrow-morning', 'next-monday', 'next-week']);
    expect(snoozeTargets(now, NY, '2026-01-05').map((t) => [t.id, t.date]).at(-1)).toEqual(['plus-one-day', '2026-01-06']);
  });
});

describe('orderSnoozeTargets', () => {
  const targets = snoozeTargets(Date.UTC(2026, 10, 23, 15), 'America/New_York', '2026-11-23T20:00:00+00:00');

  it('leaves the order alone unless the backend snoozes by one day', () => {
    expect(orderSnoozeTargets(targets, false)).toBe(targets);
  });

  it("puts +1 day first (key 1) as the backend's own snooze", () => {
    const ordered = orderSnoozeTargets(targets, true);
    expect(ordered[0]).toMatchObject({ id: 'plus-one-day', label: 'Snooze: +1 day', date: '2026-11-24T20:00:00+00:00' });
    expect(ordered.map((t) => t.id).slice(1)).toEqual(['later-today', 'tomorrow-morning', 'next-monday', 'next-week']);
  });

  it('has nothing to move for many tasks (no +1 day)', () => {
    const many = snoozeTargets(Date.UTC(2026, 10, 23, 15), 'UTC');
    expect(orderSnoozeTargets(many, true)).toBe(many);
  });
});
