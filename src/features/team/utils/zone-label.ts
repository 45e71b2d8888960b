/** How the desk names a zone and a rep's local time: "Tokyo · 02:14". */
import { zonedWallClock } from '@/shared/close/zones';

/** "Asia/Tokyo" → "Tokyo", "America/Los_Angeles" → "Los Angeles", "UTC" → "UTC". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** "02:14": the 24-hour wall clock in `zone` at `atMs`. */
export function localTimeIn(zone: string, atMs: number): string {
  const c = zonedWallClock(atMs, zone);
  return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
}

export function zoneAndTime(zone: string, atMs: number): string {
  return `${zoneCity(zone)} · ${localTimeIn(zone, atMs)}`;
}
