import type { MiddlewareHandler } from 'hono';
import type { OutreachApiEnv } from './outreach-api-env';
import { OutreachApiError } from './outreach-api-error';

/** Outreach's published budget: 10,000 requests an hour per user. */
export type OutreachRateLimitOptions = { limit: number; windowMs: number };
export const OUTREACH_RATE_LIMIT: OutreachRateLimitOptions = { limit: 10_000, windowMs: 3_600_000 };

/**
 * A fixed window per user, announced on every authenticated answer as Outreach does:
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset` (the reset as Unix seconds).
 * Past the limit: 429 `rateLimitExceeded`, with `Retry-After` in seconds until the reset.
 */
export function rateLimit(opts: OutreachRateLimitOptions, now: () => number): MiddlewareHandler<OutreachApiEnv> {
  const windows = new Map<number, { start: number; count: number }>();
  return async (c, next) => {
    const userId = c.get('user').id;
    const t = now();
    let w = windows.get(userId);
    if (!w || t - w.start >= opts.windowMs) {
      w = { start: t, count: 0 };
      windows.set(userId, w);
    }
    const resetMs = w.start + opts.windowMs;
    const headers = (remaining: number): Record<string, string> => ({
      'X-RateLimit-Limit': String(opts.limit),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Reset': String(Math.ceil(resetMs / 1000)),
    });
    if (w.count >= opts.limit) {
      const at = new Date(resetMs).toISOString().slice(0, 19);
      throw new OutreachApiError(
        429,
        [{
          id: 'rateLimitExceeded',
          title: 'Rate Limit Exceeded',
          detail: `You have exceeded your permitted rate limit of ${opts.limit.toLocaleString('en-US')}; please try again at ${at}.`,
        }],
        { ...headers(0), 'Retry-After': String(Math.max(1, Math.ceil((resetMs - t) / 1000))) },
      );
    }
    w.count++;
    const remaining = opts.limit - w.count;
    await next();
    for (const [name, value] of Object.entries(headers(remaining))) c.header(name, value);
  };
}
