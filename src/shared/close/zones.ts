/**
 * IANA time zones, for the browser, the proxy, the embedded API and the seed alike.
 *
 * Close itself only understands a fixed offset (`x-tz-offset`, see dates.ts), so whoever looks in
 * a zone asks for that zone's offset at the instant in question; DST is handled by asking again.
 * Every reading comes from one `Intl.DateTimeFormat` per zone (the wall clock below): offsets,
 * local days, wall time → instant and the labels the list shows.
 */
import { DATE_ONLY, DAY_MS, type CloseDate, localDayAt, localDayOf, parseCloseDate } from './dates';

const HOUR_MS = 3_600_000;

/** A wall-clock reading of an instant in a zone. */
export type WallClock = {
  /** Astronomical year: 1 BC is 0. */
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  /** "Mon" … "Sun" */
  weekday: string;
};

const WALL_CLOCK_CACHE_LIMIT = 512;
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The one formatter per zone. Throws a RangeError for a zone Intl does not know. */
function wallClockFormat(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      era: 'short',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Zone names are case-insensitive to Intl, so a server asked with arbitrary spellings must not
    // keep a formatter for each.
    if (wallClocks.size >= WALL_CLOCK_CACHE_LIMIT) wallClocks.clear();
    wallClocks.set(zone, format);
  }
  return format;
}

/** The wall clock in `zone` at `epochMs`. Throws a RangeError for a zone Intl does not know. */
export function zonedWallClock(epochMs: number, zone: string): WallClock {
  const c: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: '' };
  let bc = false;
  for (const p of wallClockFormat(zone).formatToParts(epochMs)) {
    switch (p.type) {
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
      case 'weekday':
        c.weekday = p.value;
        break;
      case 'year':
        c.year = Number(p.value);
        break;
      case 'month':
        c.month = Number(p.value);
        break;
      case 'day':
        c.day = Number(p.value);
        break;
      case 'hour':
        c.hour = Number(p.value);
        break;
      case 'minute':
        c.minute = Number(p.value);
        break;
      case 'second':
        c.second = Number(p.value);
        break;
    }
  }
  if (bc) c.year = 1 - c.year;
  return c;
}

function offsetFromWallClock(zone: string, epochMs: number): number {
  const c = zonedWallClock(epochMs, zone);
  const wall = new Date(0);
  wall.setUTCFullYear(c.year, c.month - 1, c.day);
  wall.setUTCHours(c.hour, c.minute, c.second, 0);
  const offsetMs = wall.getTime() - Math.floor(epochMs / 1000) * 1000;
  if (!Number.isFinite(offsetMs)) throw new RangeError(`no wall clock for ${zone} at ${epochMs}`);
  return offsetMs === 0 ? 0 : offsetMs / HOUR_MS;
}

const QUARTER_HOUR_MS = 900_000;
const CACHED_OFFSETS_FROM_MS = Date.UTC(1980, 0, 1);
const OFFSET_CACHE_LIMIT = 4_096;
const offsetCache = new Map<string, number>();

/**
 * The zone's offset from UTC in hours at `atMs` (fractional for e.g. Asia/Kolkata, DST-aware):
 * what the browser sends as `x-tz-offset` for the zone the user looks in, and what places a
 * wall-clock time in a zone. Read from Intl's wall clock for the instant. (date-fns-tz's
 * getTimezoneOffset takes a wall-clock date read in the host's zone, so near a DST change it
 * answered for the wrong hours whenever the host's zone was not the one asked about.)
 *
 * Cached per zone and quarter hour of UTC: since 1980 every zone's offsets are whole quarter hours
 * and its changes happen at a whole quarter hour of local time, hence of UTC too. Every request,
 * grouped list and optimistic change asks; formatting a date each time showed in profiles.
 * Throws a RangeError naming the zone when Intl does not know it.
 */
export function tzOffsetHours(zone: string, atMs: number = Date.now()): number {
  try {
    if (!(atMs >= CACHED_OFFSETS_FROM_MS)) return offsetFromWallClock(zone, atMs);
    const key = `${zone} ${Math.floor(atMs / QUARTER_HOUR_MS)}`;
    let hours = offsetCache.get(key);
    if (hours === undefined) {
      hours = offsetFromWallClock(zone, atMs);
      if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
      offsetCache.set(key, hours);
    }
    return hours;
  } catch {
    throw new RangeError(`unknown time zone: ${zone}`);
  }
}

/** "UTC−05:00", "UTC+05:30": the zone's offset at `atMs` (DST-aware), as people read it. */
export function formatZoneOffset(zone: string, atMs: number = Date.now()): string {
  const hours = tzOffsetHours(zone, atMs);
  const sign = hours < 0 ? '−' : '+';
  const total = Math.round(Math.abs(hours) * 60);
  return `UTC${sign}${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    wallClockFormat(zone);
    return true;
  } catch {
    return false;
  }
}

let browserZone: string | undefined;

/** The browser's IANA zone (the host's, on the server). Read once: called per render. */
export function browserTimeZone(): string {
  if (browserZone !== undefined) return browserZone;
  try {
    browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    browserZone = 'UTC';
  }
  return browserZone;
}

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
  let epoch = guess - tzOffsetHours(zone, guess) * HOUR_MS;
  epoch = guess - tzOffsetHours(zone, epoch) * HOUR_MS;
  return epoch;
}

/** The instants a local day (`YYYY-MM-DD`) in `zone` starts at and the next one starts at. */
export function dayBoundsInZone(day: string, zone: string): { start: number; end: number } {
  const p = parseCloseDate(day);
  if (!p || p.kind !== DATE_ONLY) throw new Error(`not a day: ${day}`);
  const next = new Date(p.epochMs + DAY_MS).toISOString().slice(0, 10);
  return { start: zonedWallTimeToEpoch(day, 0, 0, zone), end: zonedWallTimeToEpoch(next, 0, 0, zone) };
}

export type ZonedParts = {
  /** `YYYY-MM-DD` */
  day: string;
  year: string;
  /** "Tue, Jan 6" */
  dayLabel: string;
  /** "9:00 AM" */
  time: string;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The day and the labels of `epochMs` in `zone`. The list formats a due date for every card it
 * mounts (about twenty per frame while scrolling): one `formatToParts` gives the day, the year and
 * the label at once. The labels read like the date-fns patterns they replaced: `EEE, MMM d`,
 * `EEE, MMM d, yyyy`, `h:mm a`. Throws a RangeError for an unknown zone.
 */
export function zonedParts(epochMs: number, zone: string): ZonedParts {
  const c = zonedWallClock(epochMs, zone);
  const yyyy = String(c.year).padStart(4, '0');
  const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  return {
    day: `${yyyy}-${pad2(c.month)}-${pad2(c.day)}`,
    year: yyyy,
    dayLabel: `${c.weekday}, ${MONTHS[c.month - 1]} ${c.day}`,
    time: `${hour12}:${pad2(c.minute)} ${c.hour < 12 ? 'AM' : 'PM'}`,
  };
}

/** "Tue, Jan 6", or "Tue, Jan 6, 2027" with the year. */
export function formatDayLabel(epochMs: number, zone: string, withYear: boolean): string {
  const p = zonedParts(epochMs, zone);
  return withYear ? `${p.dayLabel}, ${p.year}` : p.dayLabel;
}

/** "Tue, Jan 6, 9:00 AM", or "Tue, Jan 6, 2027, 9:00 AM" with the year. */
export function formatDateTimeLabel(epochMs: number, zone: string, withYear: boolean): string {
  const p = zonedParts(epochMs, zone);
  return `${p.dayLabel}${withYear ? `, ${p.year}` : ''}, ${p.time}`;
}
