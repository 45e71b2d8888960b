/**
 * The server's settings, read once at start from the environment. A bad value stops the process
 * with one line that names the variable and says what to do (see `StartupError`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './logger';

/** A problem the person starting the server can fix; printed as one line, without a stack. */
/** An error's message for a one-line report. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export const DEFAULT_CLOSE_API_URL = 'https://api.close.com/api/v1';

function port(name: string, fallback: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= 0 && n <= 65535)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number from 0 to 65535 (got ${JSON.stringify(raw)})` });
        return z.NEVER;
      }
      return n;
    });
}

function wholeNumber(name: string, fallback: number, min: number, max: number, unit = '') {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= min && n <= max)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}${unit} (got ${JSON.stringify(raw)})`,
        });
        return z.NEVER;
      }
      return n;
    });
}

/** API keys travel as the HTTP Basic user name, which cannot hold `:` or whitespace. */
function apiKey(name: string) {
  return z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^[^\s:]+$/.test(raw), {
      message: `${name} must not contain spaces or ':' (paste the key exactly as Close shows it)`,
    });
}

const closeApiUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const value = raw ?? DEFAULT_CLOSE_API_URL;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `CLOSE_API_URL is not a valid URL (got ${JSON.stringify(value)}); use e.g. ${DEFAULT_CLOSE_API_URL}` });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `CLOSE_API_URL must start with https:// or http:// (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'CLOSE_API_URL must not contain credentials; put the key in CLOSE_API_KEY' });
      return z.NEVER;
    }
    if (url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: `CLOSE_API_URL must not have a query or fragment (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  });

const publicOrigins = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return [] as string[];
    const origins: string[] = [];
    for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      let url: URL | undefined;
      try {
        url = new URL(part);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== part.replace(/\/$/, '')) {
        ctx.addIssue({
          code: 'custom',
          message: `PUBLIC_ORIGIN must be an origin like http://127.0.0.1:5173 (scheme, host, port; no path), got ${JSON.stringify(part)}`,
        });
        return z.NEVER;
      }
      origins.push(url.origin);
    }
    return origins;
  });

const EnvSchema = z.object({
  HOST: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^[^\s/?#@]+$/.test(raw), { message: 'HOST must be a host name or IP address, e.g. 127.0.0.1' })
    .transform((raw) => raw ?? '127.0.0.1'),
  PORT: port('PORT', 3000),
  API_PORT: port('API_PORT', 3001),
  CLOSE_API_KEY: apiKey('CLOSE_API_KEY'),
  CLOSE_API_URL: closeApiUrl,
  EMBEDDED_API_KEY: apiKey('EMBEDDED_API_KEY').transform((raw) => raw ?? 'triage-demo-key'),
  DATA_DIR: z
    .string()
    .optional()
    .transform((raw) => path.resolve(raw ?? './data')),
  EMBEDDED_RATE_LIMIT: wholeNumber('EMBEDDED_RATE_LIMIT', 40, 0, 1_000_000, ' requests per second (0 turns it off)'),
  UPSTREAM_TIMEOUT_MS: wholeNumber('UPSTREAM_TIMEOUT_MS', 15_000, 1, 600_000, ' milliseconds'),
  PUBLIC_ORIGIN: publicOrigins,
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? 'info').toLowerCase();
      const level = LOG_LEVELS.find((l) => l === value);
      if (!level) {
        ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(raw)})` });
        return z.NEVER;
      }
      return level;
    }),
  /** Where the built app lives; empty = serve the API only (`npm run dev`, where Vite serves the app). */
  STATIC_DIR: z
    .string()
    .optional()
    .transform((raw) => (raw === '' ? null : path.resolve(raw ?? 'dist'))),
});

export type Env = z.output<typeof EnvSchema>;

const KEYS = Object.keys(EnvSchema.shape) as (keyof Env)[];

/** Parses the settings; throws `StartupError` with one line naming the first bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const input: Record<string, string | undefined> = {};
  // An empty variable (`PORT=` in a .env file) means "not set", except STATIC_DIR= (API only).
  for (const key of KEYS) {
    const value = raw[key];
    input[key] = value === '' && key !== 'STATIC_DIR' ? undefined : value;
  }
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new StartupError(issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`);
  }
  return parsed.data;
}

/** The embedded API keeps its database in DATA_DIR: make sure we can create and write files there. */
export function ensureWritableDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    if (!fs.statSync(dataDir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'is not writable'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'is not a folder'
          : `cannot be used (${code ?? (error as Error).message})`;
    throw new StartupError(`DATA_DIR ${dataDir} ${why}; set DATA_DIR to a folder this user can write`);
  }
}
