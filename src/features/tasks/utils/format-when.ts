/**
 * When a task is due, as a rep reads it: relative ("in 2 hours", "yesterday") and absolute in the
 * chosen IANA zone. Date-only tasks have no time of day in Close, so none is invented for them.
 */
import { DATE_ONLY, DAY_MS, parseCloseDate } from '@/shared/close/dates';
import { dayInZone, formatInZone } from '@/lib/time-zone';

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

function relativeInstant(epochMs: number, nowMs: number, zone: string): string {
  const diff = epochMs - nowMs;
  const minutes = Math.round(Math.abs(diff) / MINUTE_MS);
  const sign = diff < 0 ? -1 : 1;
  if (minutes < 1) return relativeFormat.format(0, 'second'); // "now"
  if (minutes < 60) return relativeFormat.format(sign * minutes, 'minute');
  const hours = Math.round(Math.abs(diff) / HOUR_MS);
  if (hours < 24) return relativeFormat.format(sign * hours, 'hour');
  // Past a day, calendar days read better than hours ("yesterday", not "31 hours ago").
  return relativeDays(daysBetween(dayInZone(nowMs, zone), dayInZone(epochMs, zone)));
}

export function formatTaskWhen(date: string | null | undefined, zone: string, nowMs: number): TaskWhen {
  if (!date) return { relative: 'No date', absolute: '', isOverdue: false, dateOnly: false };
  const parsed = parseCloseDate(date);
  if (!parsed) return { relative: 'Unknown date', absolute: date, isOverdue: false, dateOnly: false };

  const today = dayInZone(nowMs, zone);
  const thisYear = today.slice(0, 4);

  if (parsed.kind === DATE_ONLY) {
    // A date-only day is the same calendar day everywhere; format it as such, not as an instant.
    const sameYear = parsed.day.slice(0, 4) === thisYear;
    return {
      relative: relativeDays(daysBetween(today, parsed.day)),
      absolute: formatInZone(parsed.epochMs, 'UTC', sameYear ? 'EEE, MMM d' : 'EEE, MMM d, yyyy'),
      // Close: a date-only task is overdue once its day is over in the user's zone.
      isOverdue: parsed.day < today,
      dateOnly: true,
    };
  }

  const sameYear = dayInZone(parsed.epochMs, zone).slice(0, 4) === thisYear;
  return {
    relative: relativeInstant(parsed.epochMs, nowMs, zone),
    absolute: formatInZone(parsed.epochMs, zone, sameYear ? 'EEE, MMM d, h:mm a' : 'EEE, MMM d, yyyy, h:mm a'),
    isOverdue: parsed.epochMs < nowMs,
    dateOnly: false,
  };
}
