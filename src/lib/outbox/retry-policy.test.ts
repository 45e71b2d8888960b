import { describe, expect, it } from 'vitest';
import { ApiError, SignInRequiredError, retryAfterMs } from '@/lib/api-client';
import { GIVE_UP_AFTER_MS, classifyFailure, failureStep, retryDelayMs, waitingReason } from './retry-policy';

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

describe('failureStep', () => {
  const fresh = { state: 'sending', attempts: 0, retryingSince: null, nextAttemptAt: null, reason: null, uncertain: false, pausedForSignIn: false, resumedAfterSignIn: false } as const;
  const at = { now: 1_000_000, random: () => 0, online: true };

  it('marks uncertain only what may have reached the server: no answer, a gateway timeout, a cut-off body', () => {
    for (const error of [new ApiError('x', 0), new ApiError('x', 502), new ApiError('x', 504), new ApiError('x', 200), new TypeError('terminated')]) {
      const step = failureStep(fresh, error, at);
      expect(step.kind === 'retry' && step.patch.uncertain, String(error)).toBe(true);
    }
    for (const status of [429, 503]) {
      const step = failureStep(fresh, new ApiError('x', status), at);
      expect(step.kind === 'retry' && step.patch.uncertain).toBe(false);
    }
    // Once uncertain, a later clean refusal-for-now does not make it certain again.
    const step = failureStep({ ...fresh, uncertain: true }, new ApiError('x', 503), at);
    expect(step.kind === 'retry' && step.patch.uncertain).toBe(true);
  });

  it('waits with backoff, holds everything back on a 429, and gives up after the bound', () => {
    expect(failureStep(fresh, new ApiError('x', 503), at)).toEqual({
      kind: 'retry',
      patch: { uncertain: false, attempts: 1, retryingSince: at.now, state: 'waiting', nextAttemptAt: at.now + 500, reason: 'retrying after a server error' },
    });
    const limited = failureStep(fresh, new ApiError('x', 429, {}, 2_000), at);
    expect(limited.kind === 'retry' && limited.gateUntil).toBe(at.now + 2_000);
    const stuck = failureStep({ ...fresh, attempts: 9, retryingSince: at.now - GIVE_UP_AFTER_MS }, new ApiError('Bad gateway', 502), at);
    expect(stuck).toMatchObject({ kind: 'retry', patch: { state: 'stuck', nextAttemptAt: null, reason: 'Bad gateway', attempts: 10 } });
  });

  it('offline waits without counting; sign-in pauses once, then refuses; a refusal settles', () => {
    expect(failureStep(fresh, new ApiError('x', 0), { ...at, online: false })).toEqual({ kind: 'retry', patch: { uncertain: true, state: 'queued', reason: 'offline' } });
    const signIn = new SignInRequiredError('Sign in again', 401);
    expect(failureStep(fresh, signIn, at)).toMatchObject({ kind: 'sign-in', patch: { pausedForSignIn: true } });
    expect(failureStep({ ...fresh, resumedAfterSignIn: true }, signIn, at)).toEqual({ kind: 'refused' });
    expect(failureStep(fresh, new ApiError('No', 422), at)).toEqual({ kind: 'refused' });
  });
});
