/**
 * How a wire date reads in a zone, with the browser's Intl (no formatting library needed on the
 * first load): "Tue, Jan 6" for a date-only date, "Tue, Jan 6, 9:00 AM" for a date-time.
 */
import { DATE_ONLY, parseCloseDate } from '@/shared/close/dates';

const dayFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(zone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    dateTimeFormats.set(zone, format);
  }
  return format;
}

export function describeDate(date: string, zone: string): string {
  const parsed = parseCloseDate(date);
  if (!parsed) return date;
  if (parsed.kind === DATE_ONLY) return dayFormat.format(parsed.epochMs);
  // Intl puts a narrow no-break space before AM/PM in recent engines; a plain space reads the same.
  return dateTimeFormat(zone).format(parsed.epochMs).replace(/\u202f/g, ' ');
}
