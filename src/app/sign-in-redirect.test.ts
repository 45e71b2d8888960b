// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInRequired } from '@/lib/sign-in-required';
import { signInSearchSchema } from './routes/sign-in';
import type { createAppRouter } from './router';
import { sendToSignInWhenRequired } from './sign-in-redirect';

type AppRouter = ReturnType<typeof createAppRouter>;

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  window.history.replaceState(null, '', '/');
});

/** A router whose history is the page's own, as in the browser. */
function fakeRouter() {
  const replace = vi.fn((href: string) => window.history.replaceState(null, '', href));
  return { router: { history: { replace } } as unknown as AppRouter, replace };
}

describe('sendToSignInWhenRequired', () => {
  it('goes to sign-in once, remembering the page, however many requests fail', () => {
    window.history.replaceState(null, '', '/archive?assignee=everyone&tz=Asia%2FTokyo');
    const { router, replace } = fakeRouter();
    stop = sendToSignInWhenRequired(router);
    signInRequired();
    signInRequired();
    signInRequired();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(replace).toHaveBeenCalledWith('/sign-in?return_to=%2Farchive%3Fassignee%3Deveryone%26tz%3DAsia%252FTokyo');
  });

  it('stops listening when told to', () => {
    window.history.replaceState(null, '', '/inbox');
    const { router, replace } = fakeRouter();
    sendToSignInWhenRequired(router)();
    signInRequired();
    expect(replace).not.toHaveBeenCalled();
  });
});

describe('the sign-in route search', () => {
  it('keeps a same-site return_to and the OAuth error', () => {
    expect(signInSearchSchema.parse({ return_to: '/future?types=lead', error: 'access_denied' })).toEqual({
      return_to: '/future?types=lead',
      error: 'access_denied',
    });
  });

  it.each([undefined, 'https://evil.example/', '//evil.example', '/\\evil.example', 7, ['/inbox']])('sends return_to %j to the inbox', (value) => {
    expect(signInSearchSchema.parse({ return_to: value }).return_to).toBe('/inbox');
  });

  it('drops an error that is not a short string, and never throws', () => {
    expect(signInSearchSchema.parse({ error: 'x'.repeat(500) }).error).toBeUndefined();
    expect(signInSearchSchema.parse({ error: { nested: true } }).error).toBeUndefined();
  });
});
