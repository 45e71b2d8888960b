import { describe, expect, it } from 'vitest';
import { parseCloseDate } from './dates';
import { MAX_FIELDS } from './list-params';
import {
  MAX_FILTER_IDS,
  TASK_FILTER_PARAMS,
  type TaskFilterInput,
  parseTaskFilters,
  parseTaskListQuery,
  serializeTaskFilters,
  serializeTaskListQuery,
} from './task-filters';

function parsed(params: Record<string, string>) {
  const fieldErrors: Record<string, string> = {};
  const result = parseTaskFilters(params, fieldErrors);
  return { ...result, fieldErrors };
}

describe('task filters: one serialize/parse pair', () => {
  it('reads back what the browser writes', () => {
    const inputs: TaskFilterInput[] = [
      { view: 'inbox', types: null },
      { view: 'future', types: ['voicemail'], assignedTo: 'user_x' },
      { view: 'archive', types: ['missed_call', 'voicemail'] },
      { ids: ['task_a', 'task_b'], types: null },
      { types: ['lead'], leadId: 'lead_1', isComplete: false, dates: [{ field: 'date_created', op: 'lte', value: '2026-11-23T12:00:00+00:00' }] },
    ];
    for (const input of inputs) {
      const { filters, fieldErrors } = parsed(serializeTaskFilters(input));
      expect(fieldErrors).toEqual({});
      expect(filters.view).toBe(input.view ?? null);
      expect(filters.types).toEqual(input.types === undefined ? ['lead'] : input.types);
      expect(filters.ids).toEqual(input.ids ?? null);
      expect(filters.assignedTo).toBe(input.assignedTo ?? null);
      expect(filters.leadId).toBe(input.leadId ?? null);
      expect(filters.isComplete).toBe(input.isComplete ?? null);
      expect(filters.dates).toEqual((input.dates ?? []).map((d) => ({ field: d.field, op: d.op, date: parseCloseDate(d.value) })));
    }
  });

  it('writes the parameters in the order and spelling Close documents', () => {
    expect(serializeTaskFilters({ view: 'inbox', types: null })).toEqual({ view: 'inbox', _type: 'all' });
    expect(serializeTaskFilters({ ids: ['a', 'b'], types: null })).toEqual({ id__in: 'a,b', _type: 'all' });
    expect(
      serializeTaskListQuery({ view: 'archive', types: ['voicemail'] }, { orderBy: '-date', fields: ['id', 'date'], limit: 50, skip: 100 }),
    ).toEqual({ view: 'archive', _type: 'voicemail', _order_by: '-date', _fields: 'id,date', _limit: 50, _skip: 100 });
    for (const name of Object.keys(serializeTaskFilters({ view: 'inbox', ids: ['a'], types: ['lead', 'voicemail'], leadId: 'l', assignedTo: 'u', isComplete: true }))) {
      expect(TASK_FILTER_PARAMS.has(name), name).toBe(true);
    }
  });

  it('counts the filters that narrow, and lets a view override date__lt and date__gte', () => {
    expect(parsed({ _type: 'all' }).filterCount).toBe(0);
    expect(parsed({ _type: 'all', organization_id: 'orga_1' }).filterCount).toBe(0);
    const inbox = parsed({ view: 'inbox', date__lt: '2026-01-01', date__gte: 'not a date', date_created__gt: '2026-01-01' });
    expect(inbox.fieldErrors).toEqual({});
    expect(inbox.filters.dates.map((d) => `${d.field} ${d.op}`)).toEqual(['date_created gt']);
    expect(inbox.filterCount).toBe(2);
  });

  it('intersects id with id__in and _type with _type__in', () => {
    expect(parsed({ id: 'a', id__in: 'a,b' }).filters.ids).toEqual(['a']);
    expect(parsed({ id: 'c', id__in: 'a,b' }).filters.ids).toEqual([]);
    expect(parsed({ _type: 'voicemail', _type__in: 'lead,voicemail' }).filters.types).toEqual(['voicemail']);
    expect(parsed({ _type: 'all', _type__in: 'lead,voicemail' }).filters.types).toEqual(['lead', 'voicemail']);
  });

  it('names the parameter of every value out of bounds', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ _type: 'meeting' }, '_type'],
      [{ _type__in: '' }, '_type__in'],
      [{ _type__in: 'lead,meeting' }, '_type__in'],
      [{ is_complete: 'maybe' }, 'is_complete'],
      [{ view: 'later' }, 'view'],
      [{ date__lt: '2026-02-30' }, 'date__lt'],
      [{ due_date: 'tomorrow' }, 'due_date'],
      [{ id: 'x'.repeat(201) }, 'id'],
      [{ assigned_to: 'u'.repeat(201) }, 'assigned_to'],
      [{ id__in: Array.from({ length: MAX_FILTER_IDS + 1 }, (_, i) => `t${i}`).join(',') }, 'id__in'],
      [{ _order_by: 'priority' }, '_order_by'],
      [{ _limit: '201' }, '_limit'],
      [{ _limit: '-1' }, '_limit'],
      [{ _skip: '100000000000000000000' }, '_skip'],
      [{ _skip: '1.5' }, '_skip'],
      [{ _fields: 'id,da te' }, '_fields'],
      [{ _fields: Array.from({ length: MAX_FIELDS + 1 }, (_, i) => `f${i}`).join(',') }, '_fields'],
    ];
    for (const [params, field] of cases) {
      const fieldErrors: Record<string, string> = {};
      parseTaskListQuery(params, fieldErrors);
      expect(Object.keys(fieldErrors), JSON.stringify(params).slice(0, 80)).toEqual([field]);
    }
  });

  it('reads order, page and fields with Close’s defaults', () => {
    const fieldErrors: Record<string, string> = {};
    const q = parseTaskListQuery({ _fields: 'id, date' }, fieldErrors);
    expect(fieldErrors).toEqual({});
    expect(q.orderBy).toBe('date');
    expect(q.page).toEqual({ limit: 100, skip: 0 });
    expect([...q.fields!]).toEqual(['id', 'date']);
  });
});
