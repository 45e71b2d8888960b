import { describe, expect, it } from 'vitest';
import { describeDate } from './describe-date';

describe('describeDate', () => {
  it('reads a date-only date as its own day, whatever the zone', () => {
    expect(describeDate('2026-01-06', 'Pacific/Kiritimati')).toBe('Tue, Jan 6');
    expect(describeDate('2026-01-06', 'America/Los_Angeles')).toBe('Tue, Jan 6');
  });

  it('reads a date-time in the zone, including half-hour offsets and DST', () => {
    expect(describeDate('2026-01-06T14:00:00+00:00', 'America/New_York')).toBe('Tue, Jan 6, 9:00 AM');
    expect(describeDate('2026-07-06T13:00:00+00:00', 'America/New_York')).toBe('Mon, Jul 6, 9:00 AM');
    expect(describeDate('2026-01-06T03:30:00+00:00', 'Asia/Kolkata')).toBe('Tue, Jan 6, 9:00 AM');
  });

  it('returns anything unparseable as it is', () => {
    expect(describeDate('soon', 'UTC')).toBe('soon');
  });
});
