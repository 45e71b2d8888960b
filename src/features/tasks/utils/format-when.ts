/**
 * When a task is due, as a rep reads it: relative ("in 2 hours", "yesterday") and absolute in the
 * chosen IANA zone. Date-only tasks have no time of day in Close, so none is invented for them.
 */
import { DATE_ONLY, DAY_MS, parseCloseDate } from '@/shared/close/dates';
import { zonedParts } from '@/shared/close/zones';

export type TaskWhen = {
  relative: string;
  absolute: string;
  isOverdue: boolean;
  dateOnly: boolean;
};

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

const relativeFormat = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** Whole calendar days from `fromDay` to `toDay` (both `YYYY-MM-DD`). */
function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

/** "today", "tomorrow", "in 3 days", "2 weeks ago", "in 5 months", "8 years ago". */
function relativeDays(days: number): string {
  const abs = Math.abs(days);
  const sign = days < 0 ? -1 : 1;
  if (abs < 7) return relativeFormat.format(days, 'day');
  if (abs < 30) return relativeFormat.format(sign * Math.floor(abs / 7), 'week');
  if (abs < 365) return relativeFormat.format(sign * Math.floor(abs / 30), 'month');
  return relativeFormat.format(sign * Math.floor(abs / 365), 'year');
}

function relativeInstant(epochMs: number, epochDay: string, nowMs: number, today: string): string {
  const diff = epochMs - nowMs;
  const minutes = Math.round(Math.abs(diff) / MINUTE_MS);
  const sign = diff < 0 ? -1 : 1;
  if (minutes < 1) return relativeFormat.format(0, 'second'); // "now"
  if (minutes < 60) return relativeFormat.format(sign * minutes, 'minute');
  const hours = Math.round(Math.abs(diff) / HOUR_MS);
  if (hours < 24) return relativeFormat.format(sign * hours, 'hour');
  // Past a day, calendar days read better than hours ("yesterday", not "31 hours ago").
  return relativeDays(daysBetween(today, epochDay));
}

/** Every card of a list asks with the same zone and "now": today is worked out once for them. */
let todayCache = { zone: '', nowMs: Number.NaN, today: '' };

function todayIn(zone: string, nowMs: number): string {
  if (todayCache.zone !== zone || todayCache.nowMs !== nowMs) todayCache = { zone, nowMs, today: zonedParts(nowMs, zone).day };
  return todayCache.today;
}

export function formatTaskWhen(date: string | null | undefined, zone: string, nowMs: number): TaskWhen {
  if (!date) return { relative: 'No date', absolute: '', isOverdue: false, dateOnly: false };
  const parsed = parseCloseDate(date);
  if (!parsed) return { relative: 'Unknown date', absolute: date, isOverdue: false, dateOnly: false };

  const today = todayIn(zone, nowMs);
  const thisYear = today.slice(0, 4);

  if (parsed.kind === DATE_ONLY) {
    // A date-only day is the same calendar day everywhere; format it as such, not as an instant.
    const sameYear = parsed.day.slice(0, 4) === thisYear;
    const label = zonedParts(parsed.epochMs, 'UTC');
    return {
      relative: relativeDays(daysBetween(today, parsed.day)),
      absolute: sameYear ? label.dayLabel : `${label.dayLabel}, ${label.year}`,
      // Close: a date-only task is overdue once its day is over in the user's zone.
      isOverdue: parsed.day < today,
      dateOnly: true,
    };
  }

  const at = zonedParts(parsed.epochMs, zone);
  const sameYear = at.year === thisYear;
  return {
    relative: relativeInstant(parsed.epochMs, at.day, nowMs, today),
    absolute: `${at.dayLabel}${sameYear ? '' : `, ${at.year}`}, ${at.time}`,
    isOverdue: parsed.epochMs < nowMs,
    dateOnly: false,
  };
}
