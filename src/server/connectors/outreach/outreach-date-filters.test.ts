import { describe, expect, it } from 'vitest';
import { parseCloseDate } from '@/shared/close/dates';
import type { DateBound } from '@/shared/close/task-filters';
import { dateRangeFilters } from './outreach-date-filters';

const bound = (field: DateBound['field'], op: DateBound['op'], date: string): DateBound => ({ field, op, date: parseCloseDate(date)! });

describe('dateRangeFilters', () => {
  it('narrows one Outreach range per attribute, a date-only day starting in the person\'s zone', () => {
    expect(dateRangeFilters([bound('date', 'gte', '2026-03-10'), bound('date', 'lt', '2026-03-11')], -5)).toEqual({
      'filter[dueAt]': '2026-03-10T05:00:00.000Z..2026-03-11T04:59:59.999Z',
    });
    expect(dateRangeFilters([bound('date_updated', 'gte', '2026-03-04')], 0)).toEqual({ 'filter[updatedAt]': '2026-03-04T00:00:00.000Z..inf' });
    expect(dateRangeFilters([bound('due_date', 'lt', '2026-03-10T12:00:00Z'), bound('date_created', 'gt', '2026-03-01T00:00:00Z')], 0)).toEqual({
      'filter[dueAt]': 'neginf..2026-03-10T11:59:59.999Z',
      'filter[createdAt]': '2026-03-01T00:00:00.001Z..inf',
    });
    expect(dateRangeFilters([], 0)).toEqual({});
  });
});
