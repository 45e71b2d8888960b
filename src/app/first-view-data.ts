/**
 * The data a server-rendered first view was made from, carried in the page as a JSON data block
 * (not a script that runs: the CSP allows none inline). The browser app starts its cache from
 * it, so its first render shows what the server showed without asking again.
 */
import type { DehydratedState } from '@tanstack/react-query';
import { ZONE_COOKIE } from '@/shared/first-view';

export const FIRST_VIEW_DATA_ID = 'triage-first-view';

/**
 * The browser's zone goes in a cookie for the server's next render of a first view. A device
 * preference like the theme, nothing secret; the server checks it names a real zone.
 */
export function rememberZoneForServer(doc: Document, zone: string): void {
  const value = encodeURIComponent(zone);
  if (doc.cookie.split('; ').includes(`${ZONE_COOKIE}=${value}`)) return;
  doc.cookie = `${ZONE_COOKIE}=${value}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export type FirstViewData = {
  /** The location the server rendered (after any redirect, e.g. `/` → `/inbox`). */
  path: string;
  /** The zone "today" was computed in when the URL named none: the browser's as the cookie said, else the server's own. */
  zone: string;
  queries: DehydratedState;
};

export function serializeFirstViewData(data: FirstViewData): string {
  // `<` escaped, so no value (a task's text) can close the element or open a comment.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${FIRST_VIEW_DATA_ID}">${json}</script>`;
}

/** The page's first-view data, once: null when the page has none or it cannot be read. */
export function takeFirstViewData(doc: Document): FirstViewData | null {
  const el = doc.getElementById(FIRST_VIEW_DATA_ID);
  if (!el) return null;
  el.remove();
  try {
    const data = JSON.parse(el.textContent ?? '') as FirstViewData;
    return data && typeof data.zone === 'string' && data.queries ? data : null;
  } catch {
    return null;
  }
}
