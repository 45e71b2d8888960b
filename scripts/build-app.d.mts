// Types for build-app.mjs, for the bench's TypeScript under `tsc --noEmit`.
/** Where the renderer goes inside a build, e.g. `ssr`. */
export declare const RENDERER_DIR: string;
/** The renderer's file inside a build, e.g. `ssr/entry-server.js`. */
export declare const RENDERER_FILE: string;
