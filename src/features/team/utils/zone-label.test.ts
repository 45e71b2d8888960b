import { describe, expect, it } from 'vitest';
import { localTimeIn, zoneAndTime, zoneCity } from './zone-label';

describe('zone labels', () => {
  it('names a zone by its city', () => {
    expect(zoneCity('Asia/Tokyo')).toBe('Tokyo');
    expect(zoneCity('America/Los_Angeles')).toBe('Los Angeles');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('shows the local 24-hour time', () => {
    const at = Date.UTC(2026, 11, 6, 17, 14);
    expect(localTimeIn('Asia/Tokyo', at)).toBe('02:14');
    expect(zoneAndTime('Asia/Kolkata', at)).toBe('Kolkata · 22:44');
  });
});
