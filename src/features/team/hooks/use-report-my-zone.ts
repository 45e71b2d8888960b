/**
 * Tells our server the zone this browser is in, so the manager's desk counts this person's day in
 * their own zone (Close users carry no zone). Once per page load and person, after the page has
 * settled: it is never in the way of the first view, and a failure is only a later retry (the
 * next load), since the desk falls back to its own zone meanwhile.
 */
import { useEffect } from 'react';
import { browserTimeZone } from '@/shared/close/zones';
import { reportMyZone } from '../api/report-my-zone';

const reported = new Set<string>();

/** `personKey`: who is signed in (their user id); null while unknown. */
export function useReportMyZone(personKey: string | null): void {
  useEffect(() => {
    if (personKey === null) return;
    const zone = browserTimeZone();
    const key = `${personKey} ${zone}`;
    if (reported.has(key)) return;
    reported.add(key);
    let sent = false;
    const send = () => {
      sent = true;
      reportMyZone(zone).catch(() => {
        reported.delete(key);
      });
    };
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(send, { timeout: 5_000 }) : null;
    const timer = idle === null ? setTimeout(send, 0) : null;
    return () => {
      if (sent) return;
      // Unmounted (or re-run) before it went out: the next mount sends it.
      if (idle !== null) cancelIdleCallback(idle);
      if (timer !== null) clearTimeout(timer);
      reported.delete(key);
    };
  }, [personKey]);
}
