import { describe, expect, it } from 'vitest';
import { countLabel } from './count-label';

describe('countLabel', () => {
  it('groups thousands the same way everywhere, and marks a count that may go on', () => {
    expect(countLabel(0, false)).toBe('0');
    expect(countLabel(312, false)).toBe('312');
    expect(countLabel(1000, true)).toBe('1,000+');
    expect(countLabel(12345, false)).toBe('12,345');
  });
});
