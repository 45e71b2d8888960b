// Types for ensure-chromium.mjs, so playwright.config.ts can use its lookup under `tsc --noEmit`.
export declare const CHROMIUM_ARGS: string[];
export declare const HOW_TO_INSTALL: string;
export declare function findChromium(): { path: string; source: string } | { error: string };
export declare function ensureChromium(): Promise<{ path: string; version: string } | { error: string }>;
