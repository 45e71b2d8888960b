import { describe, expect, it } from 'vitest';
import { sessionTokenIn } from './session-cookie';

describe('sessionTokenIn: the session cookie read straight from the header', () => {
  const token = 'A'.repeat(40) + '_-9';
  it('finds it among other cookies, and only under its own name', () => {
    expect(sessionTokenIn(`triage_session=${token}`)).toBe(token);
    expect(sessionTokenIn(`theme=dark; triage_session=${token}; tz=UTC`)).toBe(token);
    expect(sessionTokenIn(`old_triage_session=x; triage_session=${token}`)).toBe(token);
    expect(sessionTokenIn('old_triage_session=x')).toBeUndefined();
    expect(sessionTokenIn('theme=dark')).toBeUndefined();
    // Not as our cookie is sent: Hono's parser decides.
    expect(sessionTokenIn(`triage_session="${token}"`)).toBe(token);
    expect(sessionTokenIn('triage_session=forged')).toBe('forged');
  });
});
