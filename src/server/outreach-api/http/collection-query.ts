/**
 * The query of a JSON:API collection as Outreach reads it: `filter[attr]` / `filter[rel][id]`
 * (a value, a comma list, a range `a..b` with `neginf` / `inf`, or `__null__` / `__notnull__`),
 * `sort=a,-b`, `page[size]` (default 50, at most 1000) with the opaque `page[after]` cursor,
 * `include=a,b`, sparse `fields[type]=a,b`, and `count=true`.
 */
import { badParameter } from './outreach-api-error';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export type FilterValue =
  | { kind: 'list'; values: string[] }
  | { kind: 'range'; from: string | null; to: string | null }
  | { kind: 'null'; isNull: boolean };

export type CollectionQuery = {
  /** Keyed by the dotted path inside filter[...], e.g. `state`, `owner.id`. */
  filters: Map<string, FilterValue>;
  sort: { field: string; descending: boolean }[];
  pageSize: number;
  after: string | null;
  include: string[];
  /** Sparse fieldsets by resource type; an empty set keeps only type and id. */
  fields: Map<string, Set<string>>;
  count: boolean;
};

const FILTER_KEY = /^filter((?:\[[A-Za-z0-9_]+\])+)$/;
const FIELDS_KEY = /^fields\[([A-Za-z0-9_]+)\]$/;

function parseFilterValue(raw: string): FilterValue {
  if (raw === '__null__') return { kind: 'null', isNull: true };
  if (raw === '__notnull__') return { kind: 'null', isNull: false };
  const dots = raw.indexOf('..');
  if (dots !== -1) {
    const from = raw.slice(0, dots);
    const to = raw.slice(dots + 2);
    return { kind: 'range', from: from === 'neginf' || from === '' ? null : from, to: to === 'inf' || to === '' ? null : to };
  }
  return { kind: 'list', values: raw.split(',').map((v) => v.trim()).filter((v) => v !== '') };
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

export function readCollectionQuery(query: Record<string, string>): CollectionQuery {
  const filters = new Map<string, FilterValue>();
  const fields = new Map<string, Set<string>>();
  for (const [key, raw] of Object.entries(query)) {
    const filter = FILTER_KEY.exec(key);
    if (filter) {
      const path = filter[1]!.slice(1, -1).split('][').join('.');
      filters.set(path, parseFilterValue(raw));
      continue;
    }
    const sparse = FIELDS_KEY.exec(key);
    if (sparse) fields.set(sparse[1]!, new Set(splitList(raw)));
  }
  let pageSize = DEFAULT_PAGE_SIZE;
  const size = query['page[size]'] ?? query['page[limit]'];
  if (size !== undefined) {
    const parameter = query['page[size]'] !== undefined ? 'page[size]' : 'page[limit]';
    if (!/^\d+$/.test(size) || Number(size) < 1) throw badParameter(parameter, `${parameter} must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
    if (Number(size) > MAX_PAGE_SIZE) throw badParameter(parameter, `${parameter} must be at most ${MAX_PAGE_SIZE}.`);
    pageSize = Number(size);
  }
  if (query['page[offset]'] !== undefined || query['page[before]'] !== undefined) {
    const parameter = query['page[offset]'] !== undefined ? 'page[offset]' : 'page[before]';
    throw badParameter(parameter, `${parameter} is not supported by this stand-in: follow links.next (page[after]).`);
  }
  const count = query.count;
  if (count !== undefined && count !== 'true' && count !== 'false') throw badParameter('count', 'count must be true or false.');
  return {
    filters,
    sort: splitList(query.sort).map((s) => (s.startsWith('-') ? { field: s.slice(1), descending: true } : { field: s, descending: false })),
    pageSize,
    after: query['page[after]'] ?? null,
    include: splitList(query.include),
    fields,
    count: count === 'true',
  };
}

/** A filter's date-time bound as epoch ms; a date alone is midnight UTC. */
export function parseTimeBound(raw: string, parameter: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) throw badParameter(parameter, `${parameter}: ${JSON.stringify(raw)} is not an ISO 8601 date-time.`);
  return ms;
}
