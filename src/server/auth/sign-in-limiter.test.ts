import { expect, it } from 'vitest';
import { SignInLimiter } from './sign-in-limiter';

it('lets a client fail up to the limit, then says how long to wait, until the window has passed', () => {
  let now = 0;
  const limiter = new SignInLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
  for (let i = 0; i < 3; i++) {
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
    limiter.failed('1.2.3.4');
  }
  expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(60);
  expect(limiter.retryAfterSeconds('5.6.7.8')).toBe(0);
  now = 30_500;
  expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(30);
  now = 60_000;
  expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
  limiter.failed('5.6.7.8');
  limiter.succeeded('5.6.7.8');
  expect(limiter.retryAfterSeconds('5.6.7.8')).toBe(0);
});
