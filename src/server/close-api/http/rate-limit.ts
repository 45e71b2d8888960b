import type { MiddlewareHandler } from 'hono';
import { CloseApiError } from './close-api-error';
import type { AuthUser } from './auth';

export type RateLimitOptions = { limit: number; windowMs: number };

/**
 * A fixed window per API key, announced like Close does: every response carries
 * `RateLimit: limit=N, remaining=R, reset=S`; past the limit, 429 with `Retry-After` and Close's
 * body, `{"error": {"message", "rate_reset", "rate_limit", "rate_window"}}`: Close's Python client
 * sleeps for `error.rate_reset` seconds (and fails on a body without it).
 */
export function rateLimit(opts: RateLimitOptions, now: () => number): MiddlewareHandler<{ Variables: { user: AuthUser } }> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const key = c.get('user').apiKey;
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= opts.windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
    }
    const resetMs = Math.max(0, w.start + opts.windowMs - t);
    const resetSeconds = Math.ceil(resetMs / 1000);
    if (w.count >= opts.limit) {
      const header = `limit=${opts.limit}, remaining=0, reset=${resetSeconds}`;
      const windowSeconds = opts.windowMs / 1000;
      throw new CloseApiError(
        429,
        {
          error: {
            message: `API call count exceeded for this ${windowSeconds} second window`,
            rate_reset: Math.round(resetMs) / 1000,
            rate_limit: opts.limit,
            rate_window: windowSeconds,
          },
        },
        { RateLimit: header, 'Retry-After': String(resetSeconds) },
      );
    }
    w.count++;
    await next();
    c.header('RateLimit', `limit=${opts.limit}, remaining=${opts.limit - w.count}, reset=${resetSeconds}`);
  };
}
