/**
 * IANA time zones in the browser, on top of the shared Close date semantics.
 * The API only understands a fixed offset (`x-tz-offset`), so the app sends the chosen zone's
 * offset at the moment of the request; DST is handled by asking again at every request.
 */
import { formatInTimeZone } from 'date-fns-tz';
import { tzOffsetHours } from './time-zone-offset';
import { DATE_ONLY, type CloseDate, localDayAt, localDayOf, parseCloseDate } from '@/shared/close/dates';

// Offsets and validation live in time-zone-offset.ts so the first load (which only needs the
// offset for x-tz-offset) does not bring the date formatter along; re-exported here unchanged.
export { browserTimeZone, isValidTimeZone, tzOffsetHours } from './time-zone-offset';

/** The calendar day (`YYYY-MM-DD`) in `zone` at `atMs`. (The list asks on every render.) */
export function dayInZone(atMs: number, zone: string): string {
  return localDayAt(atMs, tzOffsetHours(zone, atMs));
}

/**
 * The local day a task date falls on in `zone`. Date-only dates are their own day; a date-time's
 * day uses the zone's offset at that instant, so a task across a DST change lands on the right day.
 */
export function taskDayInZone(date: CloseDate, zone: string): string {
  return date.kind === DATE_ONLY ? date.day : localDayOf(date, tzOffsetHours(zone, date.epochMs));
}

/** `epochMs` of the instant a wall-clock time in `zone` stands for (`day` is `YYYY-MM-DD`). */
export function zonedWallTimeToEpoch(day: string, hours: number, minutes: number, zone: string): number {
  const p = parseCloseDate(day);
  if (!p || p.kind !== DATE_ONLY) throw new Error(`not a day: ${day}`);
  const guess = p.epochMs + (hours * 60 + minutes) * 60_000;
  // Two passes settle the offset on either side of a DST change.
  let epoch = guess - tzOffsetHours(zone, guess) * 3_600_000;
  epoch = guess - tzOffsetHours(zone, epoch) * 3_600_000;
  return epoch;
}

export function formatInZone(epochMs: number, zone: string, pattern: string): string {
  return formatInTimeZone(new Date(epochMs), zone, pattern);
}
