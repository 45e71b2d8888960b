/**
 * Calendar days and date labels in an IANA zone, from one cached Intl.DateTimeFormat per zone.
 * The list formats a due date for every card it mounts (about twenty per frame while scrolling):
 * one `formatToParts` gives the day, the year and the label at once, where date-fns-tz's
 * formatInTimeZone took a call (and its own offset lookup) for each.
 * The labels read like the date-fns patterns they replace: `EEE, MMM d`, `EEE, MMM d, yyyy`,
 * `EEE, MMM d, h:mm a`, `EEE, MMM d, yyyy, h:mm a`.
 */

export type ZonedParts = {
  /** `YYYY-MM-DD` */
  day: string;
  year: string;
  /** "Tue, Jan 6" */
  dayLabel: string;
  /** "9:00 AM" */
  time: string;
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
    });
    formats.set(zone, format);
  }
  return format;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The wall-clock reading of `epochMs` in `zone`. Throws a RangeError for an unknown zone. */
export function zonedParts(epochMs: number, zone: string): ZonedParts {
  let weekday = '';
  let month = '';
  let day = '';
  let year = '';
  let hour = '';
  let minute = '';
  let dayPeriod = '';
  for (const p of formatFor(zone).formatToParts(epochMs)) {
    switch (p.type) {
      case 'weekday':
        weekday = p.value;
        break;
      case 'month':
        month = p.value;
        break;
      case 'day':
        day = p.value;
        break;
      case 'year':
        year = p.value;
        break;
      case 'hour':
        hour = p.value;
        break;
      case 'minute':
        minute = p.value;
        break;
      case 'dayPeriod':
        dayPeriod = p.value.toUpperCase();
        break;
    }
  }
  const yyyy = year.padStart(4, '0');
  return {
    day: `${yyyy}-${pad2(MONTHS.indexOf(month) + 1)}-${pad2(Number(day))}`,
    year: yyyy,
    dayLabel: `${weekday}, ${month} ${day}`,
    time: `${hour}:${minute} ${dayPeriod}`,
  };
}

/** The calendar day (`YYYY-MM-DD`) in `zone` at `epochMs`. */
export function calendarDayInZone(epochMs: number, zone: string): string {
  return zonedParts(epochMs, zone).day;
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
