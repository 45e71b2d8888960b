/**
 * The two classic scripts a rendered page runs inline, before the app's own: they live as plain
 * browser JavaScript in first-view-scripts/ (linted as such) and are read once at start.
 * scripts/build-server.mjs copies that folder beside the bundle, where this module's URL finds it
 * as it finds it beside this file in the sources. Each is inlined as its one function, called
 * with the server's settings, inside a scope of its own; app.ts allows them by their hashes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EARLY_KEYS_GLOBAL } from '@/shared/first-view';

/** The folder the scripts are in, beside this module (and beside the bundle). */
export const FIRST_VIEW_SCRIPTS_DIR = 'first-view-scripts';

/** Holds the app's script tags inert (neither fetched nor run) until START_APP_AFTER_PAINT adds them. */
export const DEFERRED_SCRIPTS_ID = 'triage-app-scripts';

/** The element id of HOLD_EARLY_KEYS's script (the bench's page with no scripts takes it out). */
export const EARLY_KEYS_SCRIPT_ID = 'triage-early-keys';

/**
 * How long a page holds keys at most: one whose app never starts (a failed download) gets its
 * keys back. Past the age the app replays (EARLY_KEY_MAX_AGE_MS) anyway.
 */
const HOLD_EARLY_KEYS_FOR_MS = 10_000;

// A path, not `new URL(…, import.meta.url)`: under jsdom (the scripts' tests) URL is the page's.
const SCRIPTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), FIRST_VIEW_SCRIPTS_DIR);

/** `<` escaped, so no setting can close the script element it is written into. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The file's function (its leading comment lines dropped) and a call to it, in a scope of their own. */
function inlineScript(file: string, fn: string, options: Record<string, unknown>): string {
  const source = fs.readFileSync(path.join(SCRIPTS_DIR, file), 'utf8');
  const body = source.replace(/^(?:\s*\/\/.*\n)+/, '').trim();
  if (!body.startsWith(`function ${fn}(`)) throw new Error(`${FIRST_VIEW_SCRIPTS_DIR}/${file} must declare function ${fn}`);
  return `(function () {\n${body}\n${fn}(${scriptJson(options)});\n})();`;
}

/**
 * Behind a rendered view, the app's scripts are fetched once the browser has painted it (its
 * first contentful paint): fetched and compiled at once, they took the cores the first frame's
 * raster needed, and the cards painted later (ADR 0011). A hidden page paints nothing, and an
 * engine without paint timing says nothing: those start at once; a paint that does not come
 * within a second does not hold the app back either. The tags are copied attribute by attribute,
 * as the parser would have made them.
 */
export const START_APP_AFTER_PAINT = inlineScript('start-app-after-paint.js', 'startAppAfterPaint', {
  heldId: DEFERRED_SCRIPTS_ID,
});

/**
 * A rendered page shows its cards before the app's scripts have run, and a keyboard-first user
 * starts typing at the cards. This holds the keys meant for the app (no Ctrl/Alt/⌘, nothing typed
 * into a field, Enter and Space left to the control that has the focus) with the card that had
 * the focus, and keeps them from scrolling the page; the app replays them once its shortcuts are
 * live (src/lib/shortcuts/early-keys.ts), as a busy page would have handled them late. It goes
 * before the view, so no key typed at a card is lost.
 */
export const HOLD_EARLY_KEYS = inlineScript('hold-early-keys.js', 'holdEarlyKeys', {
  holdForMs: HOLD_EARLY_KEYS_FOR_MS,
  globalName: EARLY_KEYS_GLOBAL,
});
