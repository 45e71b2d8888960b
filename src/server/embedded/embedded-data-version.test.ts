import { describe, expect, it } from 'vitest';
import { HOLD_AT_MOST_MS, embeddedAnswerHoldsUntil } from './embedded-data-version';

describe('embeddedAnswerHoldsUntil: how long a task list stays the same while nothing is written', () => {
  const at = (iso: string) => Date.parse(iso);

  it('until the day turns over in the caller’s zone', () => {
    expect(embeddedAnswerHoldsUntil(at('2026-03-01T23:59:30Z'), { 'x-tz-offset': '0' })).toBe(at('2026-03-02T00:00:00Z'));
    expect(embeddedAnswerHoldsUntil(at('2026-03-02T04:59:50Z'), { 'x-tz-offset': '-5' })).toBe(at('2026-03-02T05:00:00Z'));
    expect(embeddedAnswerHoldsUntil(at('2026-03-01T18:29:45Z'), { 'x-tz-offset': '5.5' })).toBe(at('2026-03-01T18:30:00Z'));
    // No header: the API takes UTC.
    expect(embeddedAnswerHoldsUntil(at('2026-03-01T23:59:59Z'), {})).toBe(at('2026-03-02T00:00:00Z'));
  });

  it('never longer than HOLD_AT_MOST_MS, and not at all for an offset the API refuses', () => {
    const noon = at('2026-03-01T12:00:00Z');
    expect(embeddedAnswerHoldsUntil(noon, { 'x-tz-offset': '0' })).toBe(noon + HOLD_AT_MOST_MS);
    expect(embeddedAnswerHoldsUntil(noon, { 'x-tz-offset': 'soon' })).toBe(noon);
  });
});
