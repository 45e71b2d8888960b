/**
 * Slows down guessing keys: a client (by address) with too many failed sign-ins in a window is
 * answered 429 with Retry-After until the window has passed. Kept per instance, in memory: it
 * only has to make guessing slow, and a restart forgiving a few failures is harmless.
 */
export interface SignInLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

export class SignInLimiter {
  private readonly failures = new Map<string, { count: number; since: number }>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: SignInLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Seconds until `client` may try again, or 0 when it may now. */
  retryAfterSeconds(client: string): number {
    const entry = this.failures.get(client);
    if (!entry) return 0;
    const left = entry.since + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(client);
      return 0;
    }
    return entry.count >= this.maxFailures ? Math.ceil(left / 1000) : 0;
  }

  failed(client: string): void {
    const at = this.now();
    const entry = this.failures.get(client);
    if (!entry || entry.since + this.windowMs <= at) this.failures.set(client, { count: 1, since: at });
    else entry.count++;
    // Bounded: a flood from many addresses drops the oldest first.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(client: string): void {
    this.failures.delete(client);
  }
}
