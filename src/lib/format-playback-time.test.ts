import { describe, expect, it } from 'vitest';
import { formatPlaybackTime } from './format-playback-time';

describe('formatPlaybackTime', () => {
  it('formats minutes and seconds, and hours when needed', () => {
    expect(formatPlaybackTime(0)).toBe('0:00');
    expect(formatPlaybackTime(5.9)).toBe('0:05');
    expect(formatPlaybackTime(21)).toBe('0:21');
    expect(formatPlaybackTime(161)).toBe('2:41');
    expect(formatPlaybackTime(3723)).toBe('1:02:03');
  });

  it('marks an unknown length', () => {
    expect(formatPlaybackTime(null)).toBe('--:--');
    expect(formatPlaybackTime(Number.POSITIVE_INFINITY)).toBe('--:--');
    expect(formatPlaybackTime(Number.NaN)).toBe('--:--');
    expect(formatPlaybackTime(-1)).toBe('--:--');
  });
});
