import { describe, expect, it } from 'vitest';
import { oauthErrorMessage } from './sign-in-error-message';

describe('oauthErrorMessage', () => {
  it('says a denied or cancelled Close sign-in was cancelled', () => {
    expect(oauthErrorMessage('access_denied')).toBe('Sign-in with Close was cancelled. Try again, or use an API key.');
  });

  it('says any other OAuth error did not finish, without echoing it', () => {
    expect(oauthErrorMessage('<script>')).toBe("Sign-in with Close didn't finish. Try again, or use an API key.");
  });

  it("names the backend, and offers no API key where it has none", () => {
    expect(oauthErrorMessage('access_denied', 'Outreach', false)).toBe('Sign-in with Outreach was cancelled. Try again.');
    expect(oauthErrorMessage('close_unreachable', 'Outreach', false)).toBe("Couldn't reach Outreach to finish signing in. Try again.");
  });
});
