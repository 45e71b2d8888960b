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
