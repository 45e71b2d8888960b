/**
 * What the server's first-view renderer (src/app/entry-server.tsx) and the server that calls it
 * (src/server/first-view.ts) agree on (docs/decisions/0011-server-rendered-first-view.md).
 */

/**
 * The cookie with the browser's zone, for the server's next render of a first view: "today" is
 * the user's, not the server's, from the second visit on.
 */
export const ZONE_COOKIE = 'triage_tz';

export type RenderedFirstView = {
  /** The markup for `#root`. */
  html: string;
  /** The `<script type="application/json">` element carrying the data it was rendered from. */
  dataScript: string;
};

/**
 * Renders `url` (path and query) reading data from `apiOrigin` (our own server), in
 * `browserZone` when the browser's cookie named one; null when the page is the browser's to render.
 */
export type FirstViewRenderer = (url: string, apiOrigin: string, browserZone?: string) => Promise<RenderedFirstView | null>;

/**
 * Keys typed on a rendered page before the app has taken it over: the page's inline script
 * (HOLD_EARLY_KEYS, src/server/first-view-inline-scripts.ts) keeps them under this global, and the
 * app replays them once its shortcuts are live (src/lib/shortcuts/early-keys.ts), as a busy page
 * would have handled them late.
 */
export const EARLY_KEYS_GLOBAL = '__triageEarlyKeys';

export type EarlyKey = {
  key: string;
  code: string;
  shiftKey: boolean;
  repeat: boolean;
  /** The keydown's timeStamp (the page's clock). */
  at: number;
  /** The task card that had the focus, if any. */
  taskId: string | null;
};

export type HeldEarlyKeys = {
  keys: EarlyKey[];
  /** Stops holding keys (the app's own listener takes them from now on). */
  stop: () => void;
};
