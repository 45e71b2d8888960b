// Types for ensure-postgres.mjs, so TypeScript callers can use it under `tsc --noEmit`.
export declare const HOW_TO_INSTALL: string;
export declare function findPostgresBinDir(): string | undefined;
export declare function ensurePostgres(): Promise<{ binDir: string } | { databaseUrl: true } | { error: string }>;
