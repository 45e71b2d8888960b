/**
 * Close's task filters, named once: what the browser writes into `GET /task/` (or a bulk
 * `PUT /task/`'s query and `_params`) and what the embedded API reads back. Parsing checks every
 * parameter's bounds and names the parameter in its error; the result is typed filters, which a
 * backend compiles to its own query (the embedded API's SQL: server/close-api/tasks/task-query.ts).
 */
import { type CloseDate, parseCloseDate } from './dates';
import { type Page, readFields, readPage } from './list-params';
import { ORDER_BY, TASK_TYPES, TASK_VIEWS, type TaskOrderBy, type TaskType, type TaskView } from './schemas';

export const TASK_DATE_FIELDS = ['date', 'due_date', 'date_created', 'date_updated'] as const;
export type TaskDateField = (typeof TASK_DATE_FIELDS)[number];

export type DateOp = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';
const DATE_SUFFIXES: ReadonlyArray<readonly [string, DateOp]> = [
  ['', 'eq'],
  ['__lt', 'lt'],
  ['__lte', 'lte'],
  ['__gt', 'gt'],
  ['__gte', 'gte'],
];

/** Filter parameters as GET documents them; bulk updates accept the same set. */
export const TASK_FILTER_PARAMS: ReadonlySet<string> = new Set([
  'id',
  'id__in',
  '_type',
  '_type__in',
  'lead_id',
  'is_complete',
  'assigned_to',
  'organization_id',
  'view',
  ...TASK_DATE_FIELDS.flatMap((f) => DATE_SUFFIXES.map(([suffix]) => f + suffix)),
]);

/** Ids in one `id__in`: a thousand per bulk request is what the browser sends; far more is a mistake. */
export const MAX_FILTER_IDS = 10_000;
/** Ids, user ids and lead ids are short; a longer value cannot name anything. */
const MAX_ID_LENGTH = 200;

/** A bound on one of the task's dates, e.g. `date__lt=2026-01-05` → { field: 'date', op: 'lt', … }. */
export type DateBound = { field: TaskDateField; op: DateOp; date: CloseDate };

export type TaskFilters = {
  /** null: any id; [] matches nothing (an `id` outside `id__in`). */
  ids: readonly string[] | null;
  /** null: every type (`_type=all`). Without `_type` or `_type__in`, lead tasks only, as Close documents. */
  types: readonly TaskType[] | null;
  leadId: string | null;
  assignedTo: string | null;
  /** Compared with the caller's organization: another one matches nothing. */
  organizationId: string | null;
  isComplete: boolean | null;
  view: TaskView | null;
  /** `view=inbox|future` overrides `date__lt` and `date__gte` (Close's documented rule), so those are left out. */
  dates: readonly DateBound[];
};

export type ParsedTaskFilters = {
  filters: TaskFilters;
  /** How many parameters narrow the list (`_type=all` and `organization_id` do not). */
  filterCount: number;
};

const BOOLEAN_VALUES: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };
const TYPE_SET = new Set<string>(TASK_TYPES);

export function parseList(value: string): string[] {
  // URLSearchParams has already decoded %2C, so one split serves encoded and plain commas.
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function readId(params: Record<string, string>, name: string, fieldErrors: Record<string, string>): string | null {
  const value = params[name];
  if (value === undefined) return null;
  if (value.length > MAX_ID_LENGTH) {
    fieldErrors[name] = `Must be at most ${MAX_ID_LENGTH} characters.`;
    return null;
  }
  return value;
}

/**
 * Reads the filters. Unknown parameters are the caller's business (GET ignores them as Close
 * does; a bulk update refuses them). Errors are added to `fieldErrors` by parameter name.
 */
export function parseTaskFilters(params: Record<string, string>, fieldErrors: Record<string, string>): ParsedTaskFilters {
  let filterCount = 0;
  let ids: string[] | null = null;
  let types: TaskType[] | null = ['lead'];

  const id = readId(params, 'id', fieldErrors);
  if (id !== null) {
    ids = [id];
    filterCount++;
  }
  if (params.id__in !== undefined) {
    const list = parseList(params.id__in);
    if (list.length > MAX_FILTER_IDS) fieldErrors.id__in = `Give at most ${MAX_FILTER_IDS} ids; split the request.`;
    else if (list.some((s) => s.length > MAX_ID_LENGTH)) fieldErrors.id__in = `An id is at most ${MAX_ID_LENGTH} characters.`;
    else {
      ids = ids ? ids.filter((i) => list.includes(i)) : list;
      filterCount++;
    }
  }

  if (params._type !== undefined) {
    if (params._type === 'all') types = null;
    else if (TYPE_SET.has(params._type)) {
      types = [params._type as TaskType];
      filterCount++;
    } else fieldErrors._type = `Unknown task type. Use "all" or one of: ${TASK_TYPES.join(', ')}.`;
  }
  if (params._type__in !== undefined) {
    const list = parseList(params._type__in);
    const unknown = list.filter((t) => !TYPE_SET.has(t));
    if (list.length === 0) fieldErrors._type__in = 'Give at least one task type.';
    else if (unknown.length) fieldErrors._type__in = `Unknown task type: ${unknown.join(', ')}.`;
    else {
      const chosen = list as TaskType[];
      types = params._type !== undefined && params._type !== 'all' ? chosen.filter((t) => t === params._type) : chosen;
      filterCount++;
    }
  }

  const leadId = readId(params, 'lead_id', fieldErrors);
  if (leadId !== null) filterCount++;
  const assignedTo = readId(params, 'assigned_to', fieldErrors);
  if (assignedTo !== null) filterCount++;
  const organizationId = readId(params, 'organization_id', fieldErrors);

  let isComplete: boolean | null = null;
  if (params.is_complete !== undefined) {
    const v = BOOLEAN_VALUES[params.is_complete.toLowerCase()];
    if (v === undefined) fieldErrors.is_complete = 'Must be true or false.';
    else {
      isComplete = v;
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

  const dates: DateBound[] = [];
  const overridden = view === 'inbox' || view === 'future' ? new Set(['date__lt', 'date__gte', 'due_date__lt', 'due_date__gte']) : null;
  for (const field of TASK_DATE_FIELDS) {
    for (const [suffix, op] of DATE_SUFFIXES) {
      const name = field + suffix;
      const value = params[name];
      if (value === undefined || overridden?.has(name)) continue;
      const date = parseCloseDate(value);
      if (!date) {
        fieldErrors[name] = 'Not a valid date: use YYYY-MM-DD or an ISO 8601 date-time.';
        continue;
      }
      filterCount++;
      dates.push({ field, op, date });
    }
  }

  return { filters: { ids, types, leadId, assignedTo, organizationId, isComplete, view, dates }, filterCount };
}

export function parseOrderBy(value: string | undefined, fieldErrors: Record<string, string>): TaskOrderBy {
  if (value === undefined || value === '') return 'date';
  if ((ORDER_BY as readonly string[]).includes(value)) return value as TaskOrderBy;
  fieldErrors._order_by = `Must be one of: ${ORDER_BY.join(', ')}.`;
  return 'date';
}

export type TaskListQuery = ParsedTaskFilters & { orderBy: TaskOrderBy; page: Page; fields: Set<string> | null };

/** A whole `GET /task/` query: the filters, `_order_by`, `_limit`, `_skip` and `_fields`. */
export function parseTaskListQuery(params: Record<string, string>, fieldErrors: Record<string, string>): TaskListQuery {
  return {
    ...parseTaskFilters(params, fieldErrors),
    orderBy: parseOrderBy(params._order_by, fieldErrors),
    page: readPage(params, fieldErrors),
    fields: readFields(params, fieldErrors),
  };
}

/** What the browser asks for; everything left out is not filtered on. */
export type TaskFilterInput = {
  ids?: readonly string[];
  /** null: every type. Left out: Close's default, lead tasks only. (An empty list is refused by the parser.) */
  types?: readonly TaskType[] | null;
  leadId?: string;
  assignedTo?: string | null;
  isComplete?: boolean;
  view?: TaskView;
  dates?: ReadonlyArray<{ field: TaskDateField; op: DateOp; value: string }>;
};

/** The query parameters (or a bulk update's `_params`) for `filters`: the inverse of parseTaskFilters. */
export function serializeTaskFilters(filters: TaskFilterInput): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.view) params.view = filters.view;
  if (filters.ids) params.id__in = filters.ids.join(',');
  if (filters.types === null) params._type = 'all';
  else if (filters.types?.length === 1) params._type = filters.types[0]!;
  else if (filters.types) params._type__in = filters.types.join(',');
  if (filters.leadId) params.lead_id = filters.leadId;
  if (filters.assignedTo) params.assigned_to = filters.assignedTo;
  if (filters.isComplete !== undefined) params.is_complete = String(filters.isComplete);
  for (const d of filters.dates ?? []) params[d.field + DATE_SUFFIXES.find(([, op]) => op === d.op)![0]] = d.value;
  return params;
}

/** A `GET /task/` query: the filters, then the order, the page and the fields. */
export function serializeTaskListQuery(
  filters: TaskFilterInput,
  list: { orderBy?: TaskOrderBy; limit?: number; skip?: number; fields?: readonly string[] },
): Record<string, string | number> {
  const query: Record<string, string | number> = serializeTaskFilters(filters);
  if (list.orderBy) query._order_by = list.orderBy;
  if (list.fields) query._fields = list.fields.join(',');
  if (list.limit !== undefined) query._limit = list.limit;
  if (list.skip !== undefined) query._skip = list.skip;
  return query;
}
