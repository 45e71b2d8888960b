import { AREA_CODE_REGIONS, type PhoneRegion } from '../demo-data';

export const AREA_CODES = Object.keys(AREA_CODE_REGIONS);

export interface PhoneNumber {
  phone: string;
  formatted: string;
  description: string | null;
}

/** Hands out distinct numbers from the ranges reserved for fiction, per region. */
export class PhoneBook {
  private readonly counters = new Map<string, number>();

  next(region: PhoneRegion): PhoneNumber {
    const n = this.counters.get(region) ?? 0;
    this.counters.set(region, n + 1);
    return fictionalNumber(region, n);
  }
}

export function fictionalNumber(region: PhoneRegion, n: number): PhoneNumber {
  if (region === 'uk') {
    const line = String(200 + (n % 800)).padStart(4, '0');
    return { phone: `+44207946${line}`, formatted: `+44 20 7946 ${line}`, description: 'United Kingdom' };
  }
  if (region === 'ie') {
    const line = String(1000 + (n % 9000));
    return { phone: `+35320910${line}`, formatted: `+353 20 910 ${line}`, description: 'Ireland' };
  }
  if (region === 'au') {
    const line = String(1000 + (n % 9000));
    return { phone: `+6125550${line}`, formatted: `+61 2 5550 ${line}`, description: 'Australia' };
  }
  const area = region.slice(3);
  const line = String(101 + (n % 99)).padStart(4, '0');
  return { phone: `+1${area}555${line}`, formatted: `+1 ${area}-555-${line}`, description: AREA_CODE_REGIONS[area] ?? null };
}
