/**
 * The contract's date bounds (`date__lt`, `date_updated__gte`, …) as Outreach range filters
 * (`filter[dueAt]=a..b`, with `neginf` / `inf`; both ends included): `date` and `due_date` are a
 * task's `dueAt`, `date_created` its `createdAt`, `date_updated` its `updatedAt`. A date-only bound
 * is the start of that day in the person's zone. Several bounds on one attribute narrow one range.
 * The manager's desk counts with them (today's, overdue, done in the last seven days).
 */
import { instantOf } from '@/shared/close/dates';
import type { DateBound, TaskDateField } from '@/shared/close/task-filters';

const ATTRIBUTE_OF: Record<TaskDateField, string> = { date: 'dueAt', due_date: 'dueAt', date_created: 'createdAt', date_updated: 'updatedAt' };

export function dateRangeFilters(bounds: readonly DateBound[], offsetHours: number): Record<string, string> {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const bound of bounds) {
    const attribute = ATTRIBUTE_OF[bound.field];
    const at = instantOf(bound.date, offsetHours);
    const range = ranges.get(attribute) ?? { from: -Infinity, to: Infinity };
    if (bound.op === 'lt') range.to = Math.min(range.to, at - 1);
    if (bound.op === 'lte') range.to = Math.min(range.to, at);
    if (bound.op === 'gt') range.from = Math.max(range.from, at + 1);
    if (bound.op === 'gte') range.from = Math.max(range.from, at);
    if (bound.op === 'eq') Object.assign(range, { from: Math.max(range.from, at), to: Math.min(range.to, at) });
    ranges.set(attribute, range);
  }
  const end = (ms: number, infinite: string) => (Number.isFinite(ms) ? new Date(ms).toISOString() : infinite);
  return Object.fromEntries([...ranges].map(([attribute, { from, to }]) => [`filter[${attribute}]`, `${end(from, 'neginf')}..${end(to, 'inf')}`]));
}
