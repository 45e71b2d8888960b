/**
 * Snooze and reschedule targets, computed in the chosen IANA zone and returned in Close's wire
 * format (a date-only `YYYY-MM-DD`, or a UTC date-time). Wall-clock times ("9:00 tomorrow") go
 * through the zone's rules on that day, so they stay 9:00 across a DST change.
 */
import { DATE_ONLY, addDaysToDay, formatCloseDateTime, parseCloseDate } from '@/shared/close/dates';
import { dayInZone, zonedWallClock, zonedWallTimeToEpoch } from '@/shared/close/zones';
import { describeDate } from './describe-date';

export const MORNING_HOUR = 9;
const QUARTER_HOUR_MS = 15 * 60_000;
const LATER_TODAY_MS = 3 * 3_600_000;

export type SnoozePresetId = 'later-today' | 'tomorrow-morning' | 'next-monday' | 'next-week' | 'plus-one-day';

export type SnoozeTarget = {
  id: SnoozePresetId;
  label: string;
  /** Close wire format. */
  date: string;
  /** When that is, in the zone ("Tue, Mar 10, 9:00 AM"). */
  description: string;
};

function atMorning(day: string, zone: string): string {
  return formatCloseDateTime(zonedWallTimeToEpoch(day, MORNING_HOUR, 0, zone));
}

/** Three hours from now, rounded up to the quarter hour (every zone's offset is whole quarters). */
export function laterToday(nowMs: number): string {
  return formatCloseDateTime(Math.ceil((nowMs + LATER_TODAY_MS) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

export function tomorrowMorning(nowMs: number, zone: string): string {
  return atMorning(addDaysToDay(dayInZone(nowMs, zone), 1), zone);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` day. */
function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first Monday after today (a week ahead when today is a Monday), 9:00. */
export function nextMonday(nowMs: number, zone: string): string {
  const today = dayInZone(nowMs, zone);
  return atMorning(addDaysToDay(today, 8 - isoWeekday(today)), zone);
}

/** Same weekday next week, 9:00. */
export function nextWeek(nowMs: number, zone: string): string {
  return atMorning(addDaysToDay(dayInZone(nowMs, zone), 7), zone);
}

/**
 * One day after the later of now and the task's date. A date-only task stays date-only; a
 * date-time keeps its wall-clock time in the zone (9:30 stays 9:30 across DST). When the task is
 * already past, the day after now at now's wall-clock time.
 */
export function plusOneDay(taskDate: string | null | undefined, nowMs: number, zone: string): string {
  const parsed = taskDate ? parseCloseDate(taskDate) : null;
  const today = dayInZone(nowMs, zone);
  if (parsed?.kind === DATE_ONLY) {
    return addDaysToDay(parsed.day > today ? parsed.day : today, 1);
  }
  const base = parsed && parsed.epochMs > nowMs ? parsed.epochMs : nowMs;
  const day = dayInZone(base, zone);
  const { hour, minute } = zonedWallClock(base, zone);
  return formatCloseDateTime(zonedWallTimeToEpoch(addDaysToDay(day, 1), hour, minute, zone));
}

/** A date picked by hand: no time → a date-only date; a time → that wall-clock time in the zone. */
export function customSnoozeDate(day: string, time: { hour: number; minute: number } | null, zone: string): string {
  const parsed = parseCloseDate(day);
  if (!parsed || parsed.kind !== DATE_ONLY) throw new Error(`not a day: ${day}`);
  if (!time) return day;
  return formatCloseDateTime(zonedWallTimeToEpoch(day, time.hour, time.minute, zone));
}

/** customSnoozeDate, or null for a day that is not a real calendar day. */
export function tryCustomSnoozeDate(day: string | null, time: { hour: number; minute: number } | null, zone: string): string | null {
  if (!day) return null;
  try {
    return customSnoozeDate(day, time, zone);
  } catch {
    return null;
  }
}

/** How a wire date reads in the zone: "Tue, Mar 10" for a date-only date, else with the time. */
export const describeSnoozeDate = describeDate;

/**
 * The presets offered for one task (with "+1 day") or for many (an absolute date only, since a
 * bulk update sets one date on every task).
 */
export function snoozeTargets(nowMs: number, zone: string, taskDate?: string | null): SnoozeTarget[] {
  const targets: Array<Omit<SnoozeTarget, 'description'>> = [
    { id: 'later-today', label: 'Later today', date: laterToday(nowMs) },
    { id: 'tomorrow-morning', label: 'Tomorrow morning', date: tomorrowMorning(nowMs, zone) },
    { id: 'next-monday', label: 'Next Monday', date: nextMonday(nowMs, zone) },
    { id: 'next-week', label: 'Next week', date: nextWeek(nowMs, zone) },
  ];
  if (taskDate !== undefined) targets.push({ id: 'plus-one-day', label: '+1 day', date: plusOneDay(taskDate, nowMs, zone) });
  return targets.map((t) => ({ ...t, description: describeSnoozeDate(t.date, zone) }));
}

/** "+1 day" first (as "Snooze: +1 day") where it is the backend's own snooze; the order as made elsewhere. */
export function orderSnoozeTargets(targets: SnoozeTarget[], oneDayFirst: boolean): SnoozeTarget[] {
  const plusOne = targets.find((t) => t.id === 'plus-one-day');
  if (!oneDayFirst || !plusOne) return targets;
  return [{ ...plusOne, label: 'Snooze: +1 day' }, ...targets.filter((t) => t !== plusOne)];
}
