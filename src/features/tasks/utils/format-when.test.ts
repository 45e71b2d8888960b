import { describe, expect, it } from 'vitest';
import { formatTaskWhen } from './format-when';

// Tue 2026-11-24 14:00 UTC = 09:00 in New York (EST), 06:00 in Los Angeles, 19:30 in Kolkata.
const NOW = Date.UTC(2026, 10, 24, 14, 0);

describe('formatTaskWhen: date-only tasks', () => {
  it('shows the day without a time', () => {
    expect(formatTaskWhen('2026-11-24', 'America/New_York', NOW)).toEqual({
      relative: 'today',
      absolute: 'Tue, Nov 24',
      isOverdue: false,
      dateOnly: true,
    });
  });

  it('names nearby days and counts farther ones', () => {
    const zone = 'America/New_York';
    expect(formatTaskWhen('2026-11-25', zone, NOW).relative).toBe('tomorrow');
    expect(formatTaskWhen('2026-11-23', zone, NOW).relative).toBe('yesterday');
    expect(formatTaskWhen('2026-11-27', zone, NOW).relative).toBe('in 3 days');
    expect(formatTaskWhen('2026-11-21', zone, NOW).relative).toBe('3 days ago');
    expect(formatTaskWhen('2026-12-08', zone, NOW).relative).toBe('in 2 weeks');
    expect(formatTaskWhen('2026-09-01', zone, NOW).relative).toBe('2 months ago');
    expect(formatTaskWhen('2016-09-21', zone, NOW).relative).toBe('10 years ago');
  });

  it('adds the year when it is not this year', () => {
    expect(formatTaskWhen('2016-09-21', 'UTC', NOW).absolute).toBe('Wed, Sep 21, 2016');
    expect(formatTaskWhen('2027-01-04', 'UTC', NOW).absolute).toBe('Mon, Jan 4, 2027');
  });

  it("is overdue only once its day is over in the chosen zone's today", () => {
    expect(formatTaskWhen('2026-11-23', 'America/New_York', NOW).isOverdue).toBe(true);
    expect(formatTaskWhen('2026-11-24', 'America/New_York', NOW).isOverdue).toBe(false);
    // 14:00 UTC is already Nov 25 in Kiritimati (+14): Nov 24 is over there.
    expect(formatTaskWhen('2026-11-24', 'Pacific/Kiritimati', NOW)).toMatchObject({ relative: 'yesterday', isOverdue: true });
  });

  it('uses the zone to decide what today is', () => {
    // 03:00 UTC on Nov 25 is still Nov 24 in Los Angeles.
    const lateEvening = Date.UTC(2026, 10, 25, 3, 0);
    expect(formatTaskWhen('2026-11-24', 'America/Los_Angeles', lateEvening)).toMatchObject({ relative: 'today', isOverdue: false });
    expect(formatTaskWhen('2026-11-24', 'Europe/Berlin', lateEvening)).toMatchObject({ relative: 'yesterday', isOverdue: true });
  });
});

describe('formatTaskWhen: date-time tasks', () => {
  it('shows the time in the chosen zone', () => {
    const at = '2026-11-24T14:30:00+00:00';
    expect(formatTaskWhen(at, 'America/New_York', NOW)).toEqual({
      relative: 'in 30 minutes',
      absolute: 'Tue, Nov 24, 9:30 AM',
      isOverdue: false,
      dateOnly: false,
    });
    expect(formatTaskWhen(at, 'Asia/Kolkata', NOW).absolute).toBe('Tue, Nov 24, 8:00 PM');
    expect(formatTaskWhen(at, 'Asia/Tokyo', NOW).absolute).toBe('Tue, Nov 24, 11:30 PM');
  });

  it('follows daylight saving time', () => {
    // 13:30 UTC is 9:30 AM EDT in July.
    expect(formatTaskWhen('2026-07-14T13:30:00Z', 'America/New_York', NOW).absolute).toBe('Tue, Jul 14, 9:30 AM');
  });

  it('says minutes and hours close to now, calendar days farther out', () => {
    const zone = 'America/New_York';
    expect(formatTaskWhen('2026-11-24T16:00:00Z', zone, NOW).relative).toBe('in 2 hours');
    expect(formatTaskWhen('2026-11-24T11:00:00Z', zone, NOW).relative).toBe('3 hours ago');
    expect(formatTaskWhen('2026-11-24T13:55:00Z', zone, NOW).relative).toBe('5 minutes ago');
    expect(formatTaskWhen('2026-11-24T14:00:20Z', zone, NOW).relative).toBe('now');
    // 30 hours ahead is Wednesday evening in New York: tomorrow.
    expect(formatTaskWhen('2026-11-25T20:00:00Z', zone, NOW).relative).toBe('tomorrow');
    expect(formatTaskWhen('2026-11-21T12:00:00Z', zone, NOW).relative).toBe('3 days ago');
  });

  it('is overdue once its instant has passed, whatever the day', () => {
    expect(formatTaskWhen('2026-11-24T13:59:00Z', 'America/New_York', NOW).isOverdue).toBe(true);
    expect(formatTaskWhen('2026-11-24T14:01:00Z', 'America/New_York', NOW).isOverdue).toBe(false);
  });

  it("reads Close's wire formats", () => {
    const r = formatTaskWhen('2015-02-08T20:30:54.314000+00:00', 'America/New_York', NOW);
    expect(r.absolute).toBe('Sun, Feb 8, 2015, 3:30 PM');
    expect(r.isOverdue).toBe(true);
    expect(formatTaskWhen('2026-11-24T09:30:00-05:00', 'America/New_York', NOW).absolute).toBe('Tue, Nov 24, 9:30 AM');
  });
});

describe('formatTaskWhen: no or bad date', () => {
  it('says so instead of throwing', () => {
    expect(formatTaskWhen(null, 'UTC', NOW)).toEqual({ relative: 'No date', absolute: '', isOverdue: false, dateOnly: false });
    expect(formatTaskWhen('next tuesday', 'UTC', NOW)).toEqual({
      relative: 'Unknown date',
      absolute: 'next tuesday',
      isOverdue: false,
      dateOnly: false,
    });
  });
});
