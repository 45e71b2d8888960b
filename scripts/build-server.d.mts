// Types for build-server.mjs, so TypeScript callers can use it under `tsc --noEmit`.
export declare const SERVER_DIR: string;
export declare const SERVER_ENTRY_FILE: string;
export declare function buildServer(outDir?: string): Promise<void>;
