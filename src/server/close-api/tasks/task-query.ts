/**
 * Turns Close's task filters (query string or a bulk update's `_params`) into a TaskQuery that the
 * repository compiles to SQL. Date filters are resolved here, per date kind, into half-open ranges
 * over the indexed `date_sort` column, using the one order defined in shared/close/dates.ts.
 */
import {
  DATE_ONLY,
  DATE_TIME,
  type DateKind,
  dayBoundsAt,
  instantOf,
  parseCloseDate,
  parseTzOffset,
} from '@/shared/close/dates';
import { ORDER_BY, TASK_TYPES, TASK_VIEWS, type TaskOrderBy, type TaskView } from '@/shared/close/schemas';

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

/** Filter parameters as GET documents them; bulk updates accept the same set. */
export const FILTER_PARAMS = new Set([
  'id',
  'id__in',
  '_type',
  '_type__in',
  'lead_id',
  'is_complete',
  'assigned_to',
  'organization_id',
  'view',
  ...['date', 'due_date', 'date_created', 'date_updated'].flatMap((f) => [f, `${f}__lt`, `${f}__lte`, `${f}__gt`, `${f}__gte`]),
]);

const BOOLEAN_VALUES: Record<string, 0 | 1> = { true: 1, false: 0, '1': 1, '0': 0 };
const TYPE_SET = new Set<string>(TASK_TYPES);

export function parseList(value: string): string[] {
  // URLSearchParams has already decoded %2C, so one split serves encoded and plain commas.
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

type Op = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

/** Narrows a range on a column that holds dates of one kind, shifted by `shift` ms. */
function narrow(range: Range, op: Op, bound: number, boundKind: DateKind, columnKind: DateKind, shift: number): Range {
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

export type ParsedTaskFilters = { query: TaskQuery; view: TaskView | null; filterCount: number };

/**
 * Reads the filters. Unknown parameters are the caller's business (GET ignores them as Close
 * does; a bulk update refuses them). Errors are added to `fieldErrors` by parameter name.
 */
export function parseTaskFilters(
  params: Record<string, string>,
  ctx: { organizationId: string; tzOffsetHeader: string | undefined; nowMs: number },
  fieldErrors: Record<string, string>,
): ParsedTaskFilters {
  let filterCount = 0;
  const offset = parseTzOffset(ctx.tzOffsetHeader);
  if (offset === null) fieldErrors['x-tz-offset'] = 'Must be a number of hours between -12 and 14, e.g. -8 or 5.5.';
  const offsetHours = offset ?? 0;
  const q: TaskQuery = {
    organizationId: ctx.organizationId,
    offsetHours,
    ids: null,
    types: ['lead'],
    leadId: null,
    assignedTo: null,
    isComplete: null,
    dateRanges: [{ ...FULL }, { ...FULL }],
    createdRange: { ...FULL },
    updatedRange: { ...FULL },
    empty: false,
  };

  if (params.id !== undefined) {
    q.ids = [params.id];
    filterCount++;
  }
  if (params.id__in !== undefined) {
    const list = parseList(params.id__in);
    q.ids = q.ids ? q.ids.filter((id) => list.includes(id)) : list;
    if (q.ids.length === 0) q.empty = true;
    filterCount++;
  }

  // No `_type` and no `_type__in`: lead tasks only, as Close documents.
  if (params._type !== undefined) {
    if (params._type === 'all') q.types = null;
    else if (TYPE_SET.has(params._type)) {
      q.types = [params._type];
      filterCount++;
    } else fieldErrors._type = `Unknown task type. Use "all" or one of: ${TASK_TYPES.join(', ')}.`;
  }
  if (params._type__in !== undefined) {
    const list = parseList(params._type__in);
    const unknown = list.filter((t) => !TYPE_SET.has(t));
    if (list.length === 0) fieldErrors._type__in = 'Give at least one task type.';
    else if (unknown.length) fieldErrors._type__in = `Unknown task type: ${unknown.join(', ')}.`;
    else {
      q.types = params._type !== undefined && params._type !== 'all' ? list.filter((t) => t === params._type) : list;
      if (q.types.length === 0) q.empty = true;
      filterCount++;
    }
  }

  if (params.lead_id !== undefined) {
    q.leadId = params.lead_id;
    filterCount++;
  }
  if (params.assigned_to !== undefined) {
    q.assignedTo = params.assigned_to;
    filterCount++;
  }
  if (params.organization_id !== undefined) {
    if (params.organization_id !== ctx.organizationId) q.empty = true;
  }
  if (params.is_complete !== undefined) {
    const v = BOOLEAN_VALUES[params.is_complete.toLowerCase()];
    if (v === undefined) fieldErrors.is_complete = 'Must be true or false.';
    else {
      q.isComplete = v;
      filterCount++;
    }
  }

  let view: TaskView | null = null;
  if (params.view !== undefined) {
    if ((TASK_VIEWS as readonly string[]).includes(params.view)) {
      view = params.view as TaskView;
      filterCount++;
    } else fieldErrors.view = `Must be one of: ${TASK_VIEWS.join(', ')}.`;
  }

  const applyDate = (field: string, op: Op, value: string) => {
    const parsed = parseCloseDate(value);
    if (!parsed) {
      fieldErrors[field] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
      return;
    }
    filterCount++;
    const bound = instantOf(parsed, offsetHours);
    const base = field.replace(/__(lt|lte|gt|gte)$/, '');
    if (base === 'date' || base === 'due_date') {
      q.dateRanges = [
        narrow(q.dateRanges[0], op, bound, parsed.kind, DATE_ONLY, offsetHours * 3_600_000),
        narrow(q.dateRanges[1], op, bound, parsed.kind, DATE_TIME, 0),
      ];
    } else if (base === 'date_created') {
      q.createdRange = narrow(q.createdRange, op, bound, parsed.kind, DATE_TIME, 0);
    } else {
      q.updatedRange = narrow(q.updatedRange, op, bound, parsed.kind, DATE_TIME, 0);
    }
  };
  // `view=inbox|future` overrides date__lt and date__gte (Close's documented rule).
  const overridden = view === 'inbox' || view === 'future' ? new Set(['date__lt', 'date__gte', 'due_date__lt', 'due_date__gte']) : null;
  for (const base of ['date', 'due_date', 'date_created', 'date_updated']) {
    for (const [suffix, op] of [['', 'eq'], ['__lt', 'lt'], ['__lte', 'lte'], ['__gt', 'gt'], ['__gte', 'gte']] as const) {
      const field = base + suffix;
      const value = params[field];
      if (value === undefined || overridden?.has(field)) continue;
      applyDate(field, op, value);
    }
  }

  if (view && offset !== null) {
    const { tomorrowStart } = dayBoundsAt(ctx.nowMs, offsetHours);
    const complete = view === 'archive' ? 1 : 0;
    if (q.isComplete !== null && q.isComplete !== complete) q.empty = true;
    q.isComplete = complete;
    if (view !== 'archive') {
      const op: Op = view === 'inbox' ? 'lt' : 'gte';
      q.dateRanges = [
        narrow(q.dateRanges[0], op, tomorrowStart, DATE_ONLY, DATE_ONLY, offsetHours * 3_600_000),
        narrow(q.dateRanges[1], op, tomorrowStart, DATE_ONLY, DATE_TIME, 0),
      ];
    }
  }
  return { query: q, view, filterCount };
}

export function parseOrderBy(value: string | undefined, fieldErrors: Record<string, string>): TaskOrderBy {
  if (value === undefined || value === '') return 'date';
  if ((ORDER_BY as readonly string[]).includes(value)) return value as TaskOrderBy;
  fieldErrors._order_by = `Must be one of: ${ORDER_BY.join(', ')}.`;
  return 'date';
}
