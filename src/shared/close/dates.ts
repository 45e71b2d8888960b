/**
 * Close's date semantics, shared by the embedded API, the proxy and the browser.
 *
 * A task's `date` is either date-only (`2015-01-05`) or a date-time. Every comparison and every
 * ordering uses one total order over (instant, kind):
 *   - a date-only date counts as the start of that day in the requesting user's time zone
 *     (the `x-tz-offset` header, in hours, fractional allowed);
 *   - at the same instant a date-only date sorts before a date-time.
 * So in PST (-8) `2015-01-12T07:00:00Z` < `2015-01-12` < `2015-01-12T08:00:00Z` (seed 000).
 * Filters such as `date__lt` compare with the same order, so a list filtered by a bound and the
 * same list sorted and cut at that bound always agree.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Date-only dates sort before date-times at the same instant. */
export const DATE_ONLY = 0 as const;
export const DATE_TIME = 1 as const;
export type DateKind = typeof DATE_ONLY | typeof DATE_TIME;

export type CloseDate =
  /** `epochMs` is midnight UTC of that calendar day; shift it by the user's offset to compare. */
  | { kind: typeof DATE_ONLY; day: string; epochMs: number }
  | { kind: typeof DATE_TIME; epochMs: number };

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function validCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/**
 * Parses a date as Close accepts it. A date-time without an offset is UTC, as in Close's own
 * example (`2015-01-12T08:00:00` is midnight in PST). Returns null for anything malformed.
 */
export function parseCloseDate(input: string): CloseDate | null {
  const s = input.trim();
  const dateOnly = DATE_ONLY_RE.exec(s);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!validCalendarDay(y, m, d)) return null;
    return { kind: DATE_ONLY, day: s, epochMs: Date.UTC(y, m - 1, d) };
  }
  const dt = DATE_TIME_RE.exec(s);
  if (!dt) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(dt[i])) as [number, number, number, number, number];
  const sec = dt[6] ? Number(dt[6]) : 0;
  const frac = dt[7] ? Number(`0.${dt[7]}`) : 0;
  if (!validCalendarDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  let offsetMin = 0;
  const tz = dt[8];
  if (tz && tz.toUpperCase() !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  const epochMs = Date.UTC(y, mo - 1, d, h, mi, sec) + Math.round(frac * 1000) - offsetMin * 60_000;
  return { kind: DATE_TIME, epochMs };
}

export function isDateOnlyString(s: string): boolean {
  return DATE_ONLY_RE.test(s.trim());
}

/** Close's wire format for a date-time: UTC, `+00:00`, microseconds when there is a fraction. */
export function formatCloseDateTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2015-02-08T20:30:54.314Z
  const ms = epochMs % 1000 === 0 ? '' : `.${iso.slice(20, 23)}000`;
  return `${iso.slice(0, 19)}${ms}+00:00`;
}

/** The canonical string a task stores and returns for a parsed date. */
export function formatCloseDate(date: CloseDate): string {
  return date.kind === DATE_ONLY ? date.day : formatCloseDateTime(date.epochMs);
}

/** The instant a date stands for, for a user at `offsetHours` from UTC. */
export function instantOf(date: CloseDate, offsetHours: number): number {
  return date.kind === DATE_ONLY ? date.epochMs - offsetHours * HOUR_MS : date.epochMs;
}

/** Ascending comparison in Close's order. */
export function compareCloseDates(a: CloseDate, b: CloseDate, offsetHours: number): number {
  const d = instantOf(a, offsetHours) - instantOf(b, offsetHours);
  return d !== 0 ? d : a.kind - b.kind;
}

/** Compares two wire strings; an unparseable or missing date sorts last. */
export function compareDateStrings(a: string | null | undefined, b: string | null | undefined, offsetHours: number): number {
  const pa = a ? parseCloseDate(a) : null;
  const pb = b ? parseCloseDate(b) : null;
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0;
  return compareCloseDates(pa, pb, offsetHours);
}

export const MIN_TZ_OFFSET = -12;
export const MAX_TZ_OFFSET = 14;

/**
 * Reads an `x-tz-offset` header: hours from UTC, e.g. `-8`, `5.5`, `-5.0`, `-0.0`, `+1`.
 * Missing → 0 (UTC). Returns null when present but malformed or out of range.
 */
export function parseTzOffset(header: string | null | undefined): number | null {
  if (header === undefined || header === null || header.trim() === '') return 0;
  const s = header.trim();
  if (!/^[+-]?\d{1,2}(\.\d+)?$/.test(s)) return null;
  const hours = Number(s);
  if (!Number.isFinite(hours) || hours < MIN_TZ_OFFSET || hours > MAX_TZ_OFFSET) return null;
  return hours === 0 ? 0 : hours; // folds -0
}

/** Why parseTzOffset refused a header, as the API names it under `x-tz-offset`. */
export const TZ_OFFSET_ERROR = `Must be a number of hours between ${MIN_TZ_OFFSET} and ${MAX_TZ_OFFSET}, e.g. -8 or 5.5.`;

/** Formats an offset for the header: `-8`, `5.5`, `0`. */
export function formatTzOffset(offsetHours: number): string {
  return String(Math.round(offsetHours * 10_000) / 10_000);
}

/** The local calendar day (`YYYY-MM-DD`) containing `epochMs` for a user at `offsetHours`. */
export function localDayAt(epochMs: number, offsetHours: number): string {
  return new Date(epochMs + offsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** Start of the user's day containing `nowMs`, and start of their tomorrow, as instants. */
export function dayBoundsAt(nowMs: number, offsetHours: number): { todayStart: number; tomorrowStart: number } {
  const shift = offsetHours * HOUR_MS;
  const todayStart = Math.floor((nowMs + shift) / DAY_MS) * DAY_MS - shift;
  return { todayStart, tomorrowStart: todayStart + DAY_MS };
}

/** The local day a task's date falls on for the user: date-only dates are their own day. */
export function localDayOf(date: CloseDate, offsetHours: number): string {
  return date.kind === DATE_ONLY ? date.day : localDayAt(date.epochMs, offsetHours);
}

/** Adds whole days to a `YYYY-MM-DD` day. */
export function addDaysToDay(day: string, days: number): string {
  const p = parseCloseDate(day);
  if (!p || p.kind !== DATE_ONLY) throw new Error(`not a date-only day: ${day}`);
  return new Date(p.epochMs + days * DAY_MS).toISOString().slice(0, 10);
}
