// Types for start.mjs, so its tests can use the build check under `tsc --noEmit`.
/** Why the app must be (re)built, or null when dist/ is up to date. */
export declare function buildReason(root?: string): string | null;
/** Why the server must be (re)built, or null when dist/server/ is up to date. */
export declare function serverBuildReason(root?: string): string | null;
