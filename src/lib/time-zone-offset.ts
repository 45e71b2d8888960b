/**
 * The part of time-zone.ts every request needs: which zone, and its offset from UTC right now
 * (for x-tz-offset). Kept apart from the formatting helpers so it is cheap to load first.
 */
import { zoneOffsetHours } from '@/shared/close/dates';

let browserZone: string | undefined;

/** The browser's IANA zone. Read once: building the formatter costs milliseconds, called per render. */
export function browserTimeZone(): string {
  if (browserZone !== undefined) return browserZone;
  try {
    browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    browserZone = 'UTC';
  }
  return browserZone;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in hours at `atMs` (fractional for e.g. Asia/Kolkata, DST-aware). */
export function tzOffsetHours(zone: string, atMs: number = Date.now()): number {
  try {
    return zoneOffsetHours(zone, atMs);
  } catch {
    throw new RangeError(`unknown time zone: ${zone}`);
  }
}
