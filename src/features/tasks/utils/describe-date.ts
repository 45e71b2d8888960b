/**
 * How a wire date reads in a zone, with the browser's Intl (no formatting library needed on the
 * first load): "Tue, Jan 6" for a date-only date, "Tue, Jan 6, 9:00 AM" for a date-time.
 */
import { DATE_ONLY, parseCloseDate } from '@/shared/close/dates';
import { formatDateTimeLabel, formatDayLabel } from '@/shared/close/zones';

export function describeDate(date: string, zone: string): string {
  const parsed = parseCloseDate(date);
  if (!parsed) return date;
  // A date-only date is its own calendar day: read at its UTC midnight, whatever the zone.
  if (parsed.kind === DATE_ONLY) return formatDayLabel(parsed.epochMs, 'UTC', false);
  return formatDateTimeLabel(parsed.epochMs, zone, false);
}
