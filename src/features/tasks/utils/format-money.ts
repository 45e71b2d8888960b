import type { Task } from '@/shared/close/schemas';

type OpportunityValueFields = Pick<
  Task,
  'opportunity_value' | 'opportunity_value_currency' | 'opportunity_value_formatted' | 'opportunity_value_period'
>;

const PERIOD_SUFFIX: Record<string, string> = {
  one_time: ' one-time',
  monthly: '/mo',
  annual: '/yr',
};

function periodSuffix(period: string | null | undefined): string {
  if (!period) return '';
  return PERIOD_SUFFIX[period] ?? ` ${period.replaceAll('_', ' ')}`;
}

/** Close stores opportunity values in cents (130000 → $1,300). */
export function formatCents(cents: number, currency: string | null | undefined): string {
  const amount = cents / 100;
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  const code = (currency || 'USD').toUpperCase();
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    }).format(amount);
  } catch {
    // An unknown currency code must not take the card down.
    const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(amount);
    return `${plain} ${code}`;
  }
}

/**
 * "$1,300 one-time", "€450/mo", "$12,000/yr"; null when the opportunity has no value.
 * Close's own formatting wins when present, but it leaves the period out, so that is appended.
 */
export function formatOpportunityValue(task: OpportunityValueFields): string | null {
  const formatted = task.opportunity_value_formatted?.trim();
  const base = formatted
    ? formatted
    : typeof task.opportunity_value === 'number' && Number.isFinite(task.opportunity_value)
      ? formatCents(task.opportunity_value, task.opportunity_value_currency)
      : null;
  return base === null ? null : `${base}${periodSuffix(task.opportunity_value_period)}`;
}
