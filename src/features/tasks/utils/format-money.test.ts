import { describe, expect, it } from 'vitest';
import { formatCents, formatOpportunityValue } from './format-money';

describe('formatCents', () => {
  it('turns cents into currency, dropping zero cents', () => {
    expect(formatCents(130000, 'USD')).toBe('$1,300');
    expect(formatCents(45000, 'EUR')).toBe('€450');
    expect(formatCents(1234567, 'USD')).toBe('$12,345.67');
    expect(formatCents(0, 'USD')).toBe('$0');
    expect(formatCents(99, 'GBP')).toBe('£0.99');
  });

  it('defaults to USD and survives an unknown currency code', () => {
    expect(formatCents(500, null)).toBe('$5');
    expect(formatCents(500, 'usd')).toBe('$5');
    expect(formatCents(150050, 'NOTACURRENCY')).toBe('1,500.5 NOTACURRENCY');
  });
});

describe('formatOpportunityValue', () => {
  it('appends the period to a computed value', () => {
    expect(formatOpportunityValue({ opportunity_value: 130000, opportunity_value_currency: 'USD', opportunity_value_period: 'one_time' })).toBe(
      '$1,300 one-time',
    );
    expect(formatOpportunityValue({ opportunity_value: 45000, opportunity_value_currency: 'EUR', opportunity_value_period: 'monthly' })).toBe('€450/mo');
    expect(formatOpportunityValue({ opportunity_value: 1200000, opportunity_value_currency: 'USD', opportunity_value_period: 'annual' })).toBe(
      '$12,000/yr',
    );
  });

  it("prefers Close's formatted value and still appends the period", () => {
    expect(
      formatOpportunityValue({
        opportunity_value: 130000,
        opportunity_value_currency: 'USD',
        opportunity_value_formatted: '$1,300',
        opportunity_value_period: 'one_time',
      }),
    ).toBe('$1,300 one-time');
    expect(formatOpportunityValue({ opportunity_value_formatted: 'CHF 900', opportunity_value_period: 'monthly' })).toBe('CHF 900/mo');
  });

  it('handles a missing or unknown period', () => {
    expect(formatOpportunityValue({ opportunity_value: 5000, opportunity_value_currency: 'USD' })).toBe('$50');
    expect(formatOpportunityValue({ opportunity_value: 5000, opportunity_value_currency: 'USD', opportunity_value_period: 'per_seat' })).toBe('$50 per seat');
  });

  it('is null without a value', () => {
    expect(formatOpportunityValue({})).toBeNull();
    expect(formatOpportunityValue({ opportunity_value: null, opportunity_value_formatted: '  ' })).toBeNull();
    expect(formatOpportunityValue({ opportunity_value: Number.NaN })).toBeNull();
  });
});
