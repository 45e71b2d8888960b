/**
 * A small leveled logger for the server: one line per event, `key=value` fields.
 * Every line passes through redaction first, because request headers and upstream errors are the
 * kind of data that carries the Close API key; a secret must never reach a log file.
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  isEnabled(level: Exclude<LogLevel, 'silent'>): boolean;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. the request id). */
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string, level: Exclude<LogLevel, 'silent'>) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names whose values are credentials whatever they contain. */
const SECRET_FIELD = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|password|secret)$/i;
export const REDACTED = '[redacted]';

const defaultSink: LogSink = (line, level) => {
  if (level === 'warn' || level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
};

export function createLogger(options: {
  level?: LogLevel;
  sink?: LogSink;
  /** Values (API keys) to blank out wherever they appear, also in their HTTP Basic form. */
  secrets?: readonly string[];
}): Logger {
  const level = options.level ?? 'info';
  const sink = options.sink ?? defaultSink;
  const secrets = expandSecrets(options.secrets ?? []);
  return makeLogger(level, sink, secrets, {});
}

/** Every form a key can take on the wire: itself, and the base64 of `key:` sent as HTTP Basic. */
function expandSecrets(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    out.add(secret);
    out.add(Buffer.from(`${secret}:`).toString('base64'));
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...out].sort((a, b) => b.length - a.length);
}

function makeLogger(level: LogLevel, sink: LogSink, secrets: string[], bound: LogFields): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (RANK[at] < RANK[level]) return;
    const merged = fields ? { ...bound, ...fields } : bound;
    sink(redactSecrets(formatLine(at, message, merged), secrets), at);
  };
  return {
    level,
    isEnabled: (at) => RANK[at] >= RANK[level],
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => makeLogger(level, sink, secrets, { ...bound, ...fields }),
  };
}

function formatLine(level: string, message: string, fields: LogFields): string {
  let line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    line += ` ${key}=${formatValue(redactFields(key, value))}`;
  }
  return line;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value instanceof Error) return JSON.stringify(value.message);
  return JSON.stringify(value) ?? String(value);
}

/** Replaces the values of credential-named fields, at any depth (e.g. a headers object). */
export function redactFields(key: string, value: unknown): unknown {
  if (SECRET_FIELD.test(key)) return REDACTED;
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redactFields('', item));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactFields(k, v);
  return out;
}

function redactSecrets(line: string, secrets: string[]): string {
  for (const secret of secrets) {
    if (line.includes(secret)) line = line.split(secret).join(REDACTED);
  }
  return line;
}
