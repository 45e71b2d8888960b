/**
 * An IANA zone name as a browser reports it (`Intl…resolvedOptions().timeZone`), or null.
 * Offsets (`+05:30`) and abbreviations (`PST`) are refused although Intl takes some of them: the
 * desk needs a zone that knows its own daylight saving time. The name is kept as given (ICU would
 * turn `Asia/Kolkata` into `Asia/Calcutta`), only its letter case put right when Intl lists it.
 */
import { isValidTimeZone } from '@/shared/close/zones';

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*){0,2}$/;
const WITHOUT_AREA = new Set(['UTC', 'GMT']);

let listed: Map<string, string> | null = null;

function listedSpelling(name: string): string | undefined {
  if (!listed) {
    listed = new Map();
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const zone of supported) listed.set(zone.toLowerCase(), zone);
  }
  return listed.get(name.toLowerCase());
}

export function canonicalTimeZone(name: string): string | null {
  if (name.length > 64 || !IANA_NAME.test(name)) return null;
  if (!name.includes('/') && !WITHOUT_AREA.has(name.toUpperCase())) return null;
  if (!isValidTimeZone(name)) return null;
  return listedSpelling(name) ?? (WITHOUT_AREA.has(name.toUpperCase()) ? name.toUpperCase() : name);
}
