import { describe, expect, it } from 'vitest';
import { parseCloseDate } from './dates';
import { taskInView, viewBoundaryAt, viewOfTaskDate } from './task-view-rule';

describe('the view rule', () => {
  // 2026-11-23 12:00 UTC; in PST (-8) the user's tomorrow starts at 2026-11-24T08:00Z.
  const now = Date.UTC(2026, 10, 23, 12, 0);

  it('splits inbox and future at the start of the user’s tomorrow', () => {
    expect(viewBoundaryAt(now, -8)).toBe(Date.UTC(2026, 10, 24, 8, 0));
    expect(viewBoundaryAt(now, 14)).toBe(Date.UTC(2026, 10, 24, 10, 0));
    const at = (date: string) => viewOfTaskDate(false, parseCloseDate(date), now, -8);
    expect(at('2026-11-23')).toBe('inbox');
    expect(at('2026-11-24')).toBe('future');
    expect(at('2026-11-24T07:59:59.999Z')).toBe('inbox');
    expect(at('2026-11-24T08:00:00Z')).toBe('future');
    expect(viewOfTaskDate(false, null, now, -8)).toBe('inbox');
    expect(viewOfTaskDate(true, parseCloseDate('2030-01-01'), now, -8)).toBe('archive');
  });

  it('puts every task in exactly one view', () => {
    for (const date of [null, '2026-11-23', '2026-11-24', '2026-11-24T08:00:00Z', 'garbage']) {
      for (const is_complete of [false, true]) {
        const views = (['inbox', 'future', 'archive'] as const).filter((v) => taskInView({ is_complete, date }, v, now, -8));
        expect(views, `${date} ${is_complete}`).toHaveLength(1);
      }
    }
  });
});
