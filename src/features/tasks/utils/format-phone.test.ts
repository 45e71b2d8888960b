import { describe, expect, it } from 'vitest';
import { formatPhone, phoneHref } from './format-phone';

describe('formatPhone', () => {
  it("uses Close's formatted number when given", () => {
    expect(formatPhone('+16503334444', '+1 650-333-4444')).toBe('+1 650-333-4444');
    expect(formatPhone('+4930123456', '+49 30 123456')).toBe('+49 30 123456');
  });

  it('makes North American E.164 numbers readable', () => {
    expect(formatPhone('+16314238017')).toBe('+1 631-423-8017');
    expect(formatPhone('+16314238017', '   ')).toBe('+1 631-423-8017');
    expect(formatPhone('+1 (631) 423-8017')).toBe('+1 631-423-8017');
  });

  it('keeps other numbers as they are', () => {
    expect(formatPhone('+493012345678')).toBe('+493012345678');
    expect(formatPhone(' 555 0100 ')).toBe('555 0100');
  });

  it('is null without a number', () => {
    expect(formatPhone(null)).toBeNull();
    expect(formatPhone(undefined, null)).toBeNull();
    expect(formatPhone('  ')).toBeNull();
  });
});

describe('phoneHref', () => {
  it('keeps digits and a leading plus only', () => {
    expect(phoneHref('+16503334444')).toBe('tel:+16503334444');
    expect(phoneHref('+1 (650) 333-4444')).toBe('tel:+16503334444');
    expect(phoneHref('650.333.4444')).toBe('tel:6503334444');
  });

  it('drops anything that could smuggle a different link', () => {
    expect(phoneHref('+1650"><script>alert(1)</script>')).toBe('tel:+16501');
    expect(phoneHref('javascript:alert(1)')).toBe('tel:1');
  });

  it('is null without digits', () => {
    expect(phoneHref('anonymous')).toBeNull();
    expect(phoneHref(null)).toBeNull();
    expect(phoneHref('')).toBeNull();
  });
});
