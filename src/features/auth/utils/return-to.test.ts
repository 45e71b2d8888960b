import { describe, expect, it } from 'vitest';
import { DEFAULT_RETURN_TO, oauthSignInHref, safeReturnTo, signInHref } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path of this site, with its search and hash', () => {
    expect(safeReturnTo('/inbox')).toBe('/inbox');
    expect(safeReturnTo('/archive?assignee=everyone&tz=Asia%2FTokyo')).toBe('/archive?assignee=everyone&tz=Asia%2FTokyo');
    expect(safeReturnTo('/queue#top')).toBe('/queue#top');
  });

  it.each([
    ['another site', 'https://evil.example/inbox'],
    ['a protocol-relative URL', '//evil.example/inbox'],
    ['a backslash host', '/\\evil.example'],
    ['a relative path', 'inbox'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a control character', '/inbox\n/evil'],
    ['a tab', '/\t/evil.example'],
    ['the sign-in page itself', '/sign-in?return_to=/inbox'],
    ['an empty string', ''],
    ['a number', 42],
    ['nothing', undefined],
    ['an overlong path', `/${'a'.repeat(2_001)}`],
  ])('falls back to the inbox for %s', (_what, value) => {
    expect(safeReturnTo(value)).toBe(DEFAULT_RETURN_TO);
  });

  it('builds the sign-in and OAuth links with the path encoded', () => {
    expect(signInHref('/inbox?tz=Asia/Tokyo')).toBe('/sign-in?return_to=%2Finbox%3Ftz%3DAsia%2FTokyo');
    expect(oauthSignInHref('/future')).toBe('/auth/oauth/start?return_to=%2Ffuture');
    expect(oauthSignInHref('//evil.example')).toBe('/auth/oauth/start?return_to=%2Finbox');
    expect(oauthSignInHref('/future', '/auth/close/start')).toBe('/auth/close/start?return_to=%2Ffuture');
  });
});
