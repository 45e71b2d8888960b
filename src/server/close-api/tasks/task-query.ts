/**
 * Turns Close's task filters, as shared/close/task-filters.ts parses them, into a TaskQuery that
 * the repository compiles to SQL. Date filters are resolved here, per date kind, into half-open
 * ranges over the indexed `date_sort` column, using the one order defined in shared/close/dates.ts.
 */
import { DATE_ONLY, DATE_TIME, type DateKind, instantOf } from '@/shared/close/dates';
import type { DateOp, TaskFilters } from '@/shared/close/task-filters';
import { viewBoundaryAt, viewIsComplete } from '@/shared/close/task-view-rule';

export type Range = { lo: number; hi: number };
const FULL: Range = { lo: Number.MIN_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER };

export type TaskQuery = {
  organizationId: string;
  offsetHours: number;
  ids: string[] | null;
  types: string[] | null;
  leadId: string | null;
  assignedTo: string | null;
  isComplete: 0 | 1 | null;
  /** `date_sort` range for date-only tasks ([0]) and date-time tasks ([1]). */
  dateRanges: [Range, Range];
  createdRange: Range;
  updatedRange: Range;
  /** A filter that can match nothing (another organization, contradicting filters). */
  empty: boolean;
};

/** Narrows a range on a column that holds dates of one kind, shifted by `shift` ms. */
function narrow(range: Range, op: DateOp, bound: number, boundKind: DateKind, columnKind: DateKind, shift: number): Range {
  const at = bound + shift;
  const before = columnKind < boundKind ? 1 : 0; // the column's dates sort before the bound's at a tie
  const notAfter = columnKind <= boundKind ? 1 : 0;
  let { lo, hi } = range;
  if (op === 'lt' || op === 'eq') hi = Math.min(hi, at + (op === 'lt' ? before : notAfter));
  if (op === 'lte') hi = Math.min(hi, at + notAfter);
  if (op === 'gt') lo = Math.max(lo, at + notAfter);
  if (op === 'gte' || op === 'eq') lo = Math.max(lo, at + before);
  return { lo, hi };
}

export function isEmptyRange(r: Range): boolean {
  return r.lo >= r.hi;
}

/**
 * Compiles parsed filters (shared/close/task-filters.ts) for the repository: date bounds become
 * half-open ranges per date kind, and a view's rule (shared/close/task-view-rule.ts) becomes
 * `is_complete` and a bound at the start of the user's tomorrow. `offsetHours` is null when the
 * request's `x-tz-offset` was refused; the caller answers 400 then, and the view is not applied.
 */
export function compileTaskQuery(
  filters: TaskFilters,
  ctx: { organizationId: string; offsetHours: number | null; nowMs: number },
): TaskQuery {
  const offsetHours = ctx.offsetHours ?? 0;
  const shift = offsetHours * 3_600_000;
  const q: TaskQuery = {
    organizationId: ctx.organizationId,
    offsetHours,
    ids: filters.ids ? [...filters.ids] : null,
    types: filters.types ? [...filters.types] : null,
    leadId: filters.leadId,
    assignedTo: filters.assignedTo,
    isComplete: filters.isComplete === null ? null : filters.isComplete ? 1 : 0,
    dateRanges: [{ ...FULL }, { ...FULL }],
    createdRange: { ...FULL },
    updatedRange: { ...FULL },
    empty: filters.ids?.length === 0 || filters.types?.length === 0,
  };
  if (filters.organizationId !== null && filters.organizationId !== ctx.organizationId) q.empty = true;

  for (const { field, op, date } of filters.dates) {
    const bound = instantOf(date, offsetHours);
    if (field === 'date' || field === 'due_date') {
      q.dateRanges = [
        narrow(q.dateRanges[0], op, bound, date.kind, DATE_ONLY, shift),
        narrow(q.dateRanges[1], op, bound, date.kind, DATE_TIME, 0),
      ];
    } else if (field === 'date_created') {
      q.createdRange = narrow(q.createdRange, op, bound, date.kind, DATE_TIME, 0);
    } else {
      q.updatedRange = narrow(q.updatedRange, op, bound, date.kind, DATE_TIME, 0);
    }
  }

  const view = filters.view;
  if (view && ctx.offsetHours !== null) {
    const complete = viewIsComplete(view) ? 1 : 0;
    if (q.isComplete !== null && q.isComplete !== complete) q.empty = true;
    q.isComplete = complete;
    if (view !== 'archive') {
      // Dated before the boundary (inbox) or from it on (future), the boundary read as a date-only date.
      const op: DateOp = view === 'inbox' ? 'lt' : 'gte';
      const boundary = viewBoundaryAt(ctx.nowMs, offsetHours);
      q.dateRanges = [
        narrow(q.dateRanges[0], op, boundary, DATE_ONLY, DATE_ONLY, shift),
        narrow(q.dateRanges[1], op, boundary, DATE_ONLY, DATE_TIME, 0),
      ];
    }
  }
  return q;
}
