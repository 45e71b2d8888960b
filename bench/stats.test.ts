import { describe, expect, it } from 'vitest';
import { median, percentile, round, summarize } from './stats';

describe('percentile', () => {
  it('takes the nearest rank, so the figure is a sample that really happened', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 80)).toBe(4);
    expect(percentile(samples, 81)).toBe(5);
    expect(percentile(samples, 100)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('puts p95 of 20 samples on the 19th smallest', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted on purpose
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 50)).toBe(10);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('is NaN without samples and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('gives count, extremes, mean and the percentiles the report uses', () => {
    const s = summarize(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toEqual({ count: 100, min: 1, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });

  it('marks an empty run as NaN rather than zero, which would look fast', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect(s.p50).toBeNaN();
    expect(s.mean).toBeNaN();
  });

  it('agrees with median', () => {
    expect(median([9, 1, 5])).toBe(summarize([9, 1, 5]).p50);
  });
});

describe('round', () => {
  it('keeps three significant digits below 100 and whole numbers above', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(0.0123456)).toBe(0.0123);
    expect(round(45.678)).toBe(45.7);
    expect(round(1234.5)).toBe(1235);
    expect(round(Number.NaN)).toBeNaN();
  });
});
