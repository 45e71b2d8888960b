import { describe, expect, it } from 'vitest';
import { ApiError, SignInRequiredError, retryAfterMs } from '@/lib/api-client';
import { GIVE_UP_AFTER_MS, classifyFailure, retryDelayMs, waitingReason } from './retry-policy';

describe('classifyFailure', () => {
  it('retries what waiting can fix: no answer, the rate limit, gateways', () => {
    for (const status of [0, 429, 502, 503, 504]) expect(classifyFailure(new ApiError('x', status))).toBe('retry');
  });

  it('rolls back what the server refused', () => {
    for (const status of [400, 401, 403, 404, 409, 410, 500]) expect(classifyFailure(new ApiError('x', status))).toBe('refused');
    expect(classifyFailure(new Error('a bug'))).toBe('refused');
  });

  it('retries an answer cut off mid-body (fetch fails while reading it)', () => {
    expect(classifyFailure(new TypeError('network error'))).toBe('retry');
    expect(classifyFailure(new ApiError('Unexpected answer from /task/x/: invalid shape', 200))).toBe('retry');
  });

  it('waits for sign-in on a 401 that asks for it', () => {
    expect(classifyFailure(new SignInRequiredError('Sign in to continue.', 401))).toBe('sign-in');
  });
});

describe('retryDelayMs', () => {
  it('waits as long as the server says, plus at most a quarter second of jitter', () => {
    const limited = new ApiError('API call count exceeded', 429, {}, 2_000);
    expect(retryDelayMs(limited, 1, () => 0)).toBe(2_000);
    expect(retryDelayMs(limited, 7, () => 0.999)).toBeLessThan(2_250);
    expect(retryDelayMs(limited, 7, () => 0.999)).toBeGreaterThanOrEqual(2_000);
  });

  it('backs off exponentially with equal jitter, capped at a minute', () => {
    const down = new ApiError('Bad gateway', 502);
    expect(retryDelayMs(down, 1, () => 0)).toBe(500);
    expect(retryDelayMs(down, 1, () => 0.999)).toBeLessThan(1_000);
    expect(retryDelayMs(down, 4, () => 0)).toBe(4_000);
    expect(retryDelayMs(down, 4, () => 0.999)).toBeLessThan(8_000);
    expect(retryDelayMs(down, 30, () => 0)).toBe(30_000);
    expect(retryDelayMs(down, 30, () => 0.999)).toBeLessThan(60_000);
  });

  it('gives up after ten minutes', () => {
    expect(GIVE_UP_AFTER_MS).toBe(600_000);
  });
});

describe('waitingReason', () => {
  it('says why a change is still waiting', () => {
    expect(waitingReason(new ApiError('x', 429, {}, 1_000))).toBe("waiting for Close's rate limit");
    expect(waitingReason(new ApiError('x', 503))).toBe('retrying after a server error');
    expect(waitingReason(new ApiError('x', 0))).toBe('retrying, the server could not be reached');
  });
});

describe('retryAfterMs (the API client reads how long a 429 asks to wait)', () => {
  it('reads RateLimit’s reset first, then Retry-After, then Close’s rate_reset', () => {
    expect(retryAfterMs(new Headers({ RateLimit: 'limit=2, remaining=0, reset=1', 'Retry-After': '5' }))).toBe(1_000);
    expect(retryAfterMs(new Headers({ RateLimit: '"default";r=0;t=7' }))).toBe(7_000);
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }))).toBe(3_000);
    expect(retryAfterMs(new Headers(), { error: { message: 'x', rate_reset: 2.5 } })).toBe(2_500);
    expect(retryAfterMs(new Headers())).toBeNull();
  });
});
