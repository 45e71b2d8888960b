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
export const DEFAULT_CLOSE_OAUTH_URL = 'https://app.close.com/oauth2/authorize/';
export const DEFAULT_OUTREACH_API_URL = 'https://api.outreach.io/api/v2';
export const DEFAULT_OUTREACH_OAUTH_URL = 'https://api.outreach.io/oauth/authorize';

export const BACKENDS = ['embedded', 'close', 'outreach', 'outreach-demo'] as const;
export type Backend = (typeof BACKENDS)[number];

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

/** An upstream API's base URL (no credentials, query or fragment), without its trailing slash. */
function apiBaseUrl(name: string, fallback: string, credentialHint: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw ?? fallback;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} is not a valid URL (got ${JSON.stringify(value)}); use e.g. ${fallback}` });
        return z.NEVER;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: `${name} must start with https:// or http:// (got ${JSON.stringify(value)})` });
        return z.NEVER;
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: 'custom', message: `${name} must not contain credentials; ${credentialHint}` });
        return z.NEVER;
      }
      if (url.search || url.hash) {
        ctx.addIssue({ code: 'custom', message: `${name} must not have a query or fragment (got ${JSON.stringify(value)})` });
        return z.NEVER;
      }
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    });
}

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

function oneOf<const T extends string>(name: string, values: readonly T[]) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const value = values.find((v) => v === raw.toLowerCase());
      if (!value) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')} (got ${JSON.stringify(raw)})` });
        return z.NEVER;
      }
      return value;
    });
}

/** An http(s) URL; `originOnly`: scheme, host and port, nothing after. */
function httpUrl(name: string, example: string, originOnly: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      let url: URL | undefined;
      try {
        url = new URL(raw);
      } catch {
        url = undefined;
      }
      const ok = url && (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash;
      if (!url || !ok || (originOnly && url.origin !== raw.replace(/\/$/, ''))) {
        ctx.addIssue({ code: 'custom', message: `${name} must be ${originOnly ? 'an origin' : 'a URL'} like ${example} (got ${JSON.stringify(raw)})` });
        return z.NEVER;
      }
      return originOnly ? url.origin : url.href;
    });
}

const EnvSchema = z.object({
  HOST: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^[^\s/?#@]+$/.test(raw), { message: 'HOST must be a host name or IP address, e.g. 127.0.0.1' })
    .transform((raw) => raw ?? '127.0.0.1'),
  PORT: port('PORT', 3000),
  API_PORT: port('API_PORT', 3001),
  CLOSE_API_KEY: apiKey('CLOSE_API_KEY'),
  CLOSE_API_URL: apiBaseUrl('CLOSE_API_URL', DEFAULT_CLOSE_API_URL, 'put the key in CLOSE_API_KEY'),
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
  /** `embedded` (default), `close`, `outreach` or `outreach-demo`; CLOSE_API_KEY set means `close`. */
  BACKEND: oneOf('BACKEND', BACKENDS),
  /** `optional` (default): without a session the server's own credential acts; `required`: no session, no data. */
  SIGN_IN: oneOf('SIGN_IN', ['optional', 'required'] as const),
  CLOSE_OAUTH_CLIENT_ID: z.string().optional(),
  CLOSE_OAUTH_CLIENT_SECRET: z.string().optional(),
  CLOSE_OAUTH_URL: httpUrl('CLOSE_OAUTH_URL', DEFAULT_CLOSE_OAUTH_URL, false).transform((raw) => raw ?? DEFAULT_CLOSE_OAUTH_URL),
  OUTREACH_CLIENT_ID: z.string().optional(),
  OUTREACH_CLIENT_SECRET: z.string().optional(),
  OUTREACH_API_URL: apiBaseUrl('OUTREACH_API_URL', DEFAULT_OUTREACH_API_URL, 'people sign in to Outreach with OAuth'),
  OUTREACH_OAUTH_URL: httpUrl('OUTREACH_OAUTH_URL', DEFAULT_OUTREACH_OAUTH_URL, false).transform((raw) => raw ?? DEFAULT_OUTREACH_OAUTH_URL),
  /** The embedded Outreach API's default demo user's access token (BACKEND=outreach-demo), like EMBEDDED_API_KEY. */
  EMBEDDED_OUTREACH_TOKEN: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^[A-Za-z0-9._~+/=-]{8,}$/.test(raw), {
      message: 'EMBEDDED_OUTREACH_TOKEN must be at least 8 characters of letters, digits and ._~+/=- (it travels as a Bearer token)',
    })
    .transform((raw) => raw ?? 'triage-outreach-demo-token'),
  /** The origin people reach Triage at (the OAuth redirect URI's; https makes the session cookie Secure). */
  PUBLIC_URL: httpUrl('PUBLIC_URL', 'https://triage.example.com', true),
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || raw.length >= 32, {
      message: 'SESSION_SECRET must be at least 32 characters (e.g. the output of `openssl rand -base64 32`)',
    }),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((raw) => raw === undefined || /^postgres(ql)?:\/\/\S+$/.test(raw), {
      message: 'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/triage (unset: sessions are kept in DATA_DIR)',
    }),
  SESSION_IDLE_MINUTES: wholeNumber('SESSION_IDLE_MINUTES', 720, 1, 525_600, ' minutes'),
  SESSION_MAX_DAYS: wholeNumber('SESSION_MAX_DAYS', 30, 1, 3_650, ' days'),
  /** expires_in of the embedded API's OAuth access tokens (tests make them short). */
  EMBEDDED_OAUTH_TOKEN_TTL: wholeNumber('EMBEDDED_OAUTH_TOKEN_TTL', 3_600, 1, 86_400, ' seconds'),
  /** Where the built app lives; empty = serve the API only (`npm run dev`, where Vite serves the app). */
  STATIC_DIR: z
    .string()
    .optional()
    .transform((raw) => (raw === '' ? null : path.resolve(raw ?? 'dist'))),
});

type ParsedEnv = z.output<typeof EnvSchema>;

export type Env = Omit<ParsedEnv, 'BACKEND' | 'SIGN_IN'> & {
  BACKEND: Backend;
  SIGN_IN: 'optional' | 'required';
  /** Close's token endpoint: CLOSE_API_URL's origin + /oauth2/token/. */
  CLOSE_OAUTH_TOKEN_URL: string;
  /** Outreach's token endpoint: OUTREACH_OAUTH_URL's origin + /oauth/token. */
  OUTREACH_OAUTH_TOKEN_URL: string;
};

const KEYS = Object.keys(EnvSchema.shape) as (keyof ParsedEnv)[];

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
  return withSignInRules(parsed.data);
}

/** The settings that depend on each other: the backend, who must sign in, and what sign-in needs. */
function withSignInRules(env: ParsedEnv): Env {
  if (env.BACKEND && env.BACKEND !== 'close' && env.CLOSE_API_KEY) {
    throw new StartupError(`BACKEND=${env.BACKEND} cannot be used with CLOSE_API_KEY; unset one of them`);
  }
  if (Boolean(env.OUTREACH_CLIENT_ID) !== Boolean(env.OUTREACH_CLIENT_SECRET)) {
    const missing = env.OUTREACH_CLIENT_ID ? 'OUTREACH_CLIENT_SECRET' : 'OUTREACH_CLIENT_ID';
    throw new StartupError(`${missing} must be set too: "Sign in with Outreach" needs both the OAuth app's client id and secret`);
  }
  if (env.BACKEND === 'outreach') return outreachRules(env);
  const backend = env.CLOSE_API_KEY ? 'close' : (env.BACKEND ?? 'embedded');
  if (backend === 'close' && !env.CLOSE_API_KEY && env.SIGN_IN === 'optional') {
    throw new StartupError('SIGN_IN=optional needs CLOSE_API_KEY with BACKEND=close (someone must act for a person who has not signed in); set CLOSE_API_KEY or SIGN_IN=required');
  }
  const signIn = backend === 'close' && !env.CLOSE_API_KEY ? 'required' : (env.SIGN_IN ?? 'optional');
  if (Boolean(env.CLOSE_OAUTH_CLIENT_ID) !== Boolean(env.CLOSE_OAUTH_CLIENT_SECRET)) {
    const missing = env.CLOSE_OAUTH_CLIENT_ID ? 'CLOSE_OAUTH_CLIENT_SECRET' : 'CLOSE_OAUTH_CLIENT_ID';
    throw new StartupError(`${missing} must be set too: "Sign in with Close" needs both the OAuth app's client id and secret`);
  }
  if (backend === 'close' && !env.SESSION_SECRET && (signIn === 'required' || env.CLOSE_OAUTH_CLIENT_ID)) {
    throw new StartupError('SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 32`) for people to sign in to Close; every instance needs the same one');
  }
  return {
    ...env,
    BACKEND: backend,
    SIGN_IN: signIn,
    CLOSE_OAUTH_TOKEN_URL: `${new URL(env.CLOSE_API_URL).origin}/oauth2/token/`,
    OUTREACH_OAUTH_TOKEN_URL: outreachTokenUrl(env.OUTREACH_OAUTH_URL),
  };
}

/**
 * BACKEND=outreach: Outreach has no API keys, only OAuth, so nobody can act for a person who has
 * not signed in: sign-in is required, and needs the OAuth app, PUBLIC_URL (its redirect URI is
 * registered with Outreach) and SESSION_SECRET.
 */
function outreachRules(env: ParsedEnv): Env {
  if (env.SIGN_IN === 'optional') {
    throw new StartupError('SIGN_IN=optional cannot be used with BACKEND=outreach: Outreach has no API keys, so each person signs in with Outreach; unset SIGN_IN');
  }
  if (!env.OUTREACH_CLIENT_ID) {
    throw new StartupError('OUTREACH_CLIENT_ID and OUTREACH_CLIENT_SECRET must be set with BACKEND=outreach: your Outreach OAuth app (people sign in with Outreach)');
  }
  if (!env.PUBLIC_URL) {
    throw new StartupError("PUBLIC_URL must be set with BACKEND=outreach: the origin people reach Triage at (Outreach's redirect URI is PUBLIC_URL + /auth/oauth/callback)");
  }
  if (!env.SESSION_SECRET) {
    throw new StartupError('SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 32`) with BACKEND=outreach; every instance needs the same one');
  }
  return {
    ...env,
    BACKEND: 'outreach',
    SIGN_IN: 'required',
    CLOSE_OAUTH_TOKEN_URL: `${new URL(env.CLOSE_API_URL).origin}/oauth2/token/`,
    OUTREACH_OAUTH_TOKEN_URL: outreachTokenUrl(env.OUTREACH_OAUTH_URL),
  };
}

function outreachTokenUrl(authorizeUrl: string): string {
  return `${new URL(authorizeUrl).origin}/oauth/token`;
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
