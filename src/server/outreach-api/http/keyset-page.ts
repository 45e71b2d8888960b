/**
 * One page of a collection, read in index order with a keyset cursor: `page[after]` carries the
 * sort values of the last row served, so rows inserted or changed between pages neither repeat
 * nor vanish from the part not yet read. The cursor is opaque (base64url JSON) and tied to the
 * sort it was made for.
 */
import type { Db } from '../../db/open-database';
import { type CollectionQuery, type FilterValue, parseTimeBound } from './collection-query';
import { badParameter } from './outreach-api-error';

export type ColumnKind = 'int' | 'text' | 'time';

/** A filterable or sortable member: the SQL expression behind it and how its values read. */
export type Column = { sql: string; kind: ColumnKind };

export type CollectionSpec = {
  table: string;
  /** Filter paths (`state`, `owner.id`) to columns. */
  filters: Record<string, Column>;
  /** Sortable attributes to columns; nullable ones are COALESCEd so the keyset stays total. */
  sorts: Record<string, Column>;
  /** Conditions every row must meet, e.g. visibility. */
  where?: string[];
};

function valueOf(raw: string, column: Column, parameter: string): number | string {
  if (column.kind === 'time') return parseTimeBound(raw, parameter);
  if (column.kind === 'int') {
    if (!/^-?\d+$/.test(raw)) throw badParameter(parameter, `${parameter}: ${JSON.stringify(raw)} is not a whole number.`);
    return Number(raw);
  }
  return raw;
}

function filterSql(column: Column, value: FilterValue, parameter: string, params: unknown[]): string {
  if (value.kind === 'null') return `${column.sql} IS ${value.isNull ? '' : 'NOT '}NULL`;
  if (value.kind === 'range') {
    const parts: string[] = [];
    if (value.from !== null) { parts.push(`${column.sql} >= ?`); params.push(valueOf(value.from, column, parameter)); }
    if (value.to !== null) { parts.push(`${column.sql} <= ?`); params.push(valueOf(value.to, column, parameter)); }
    return parts.length ? parts.join(' AND ') : '1';
  }
  if (value.values.length === 0) throw badParameter(parameter, `${parameter} needs a value.`);
  for (const v of value.values) params.push(valueOf(v, column, parameter));
  return `${column.sql} IN (${value.values.map(() => '?').join(', ')})`;
}

type Cursor = { s: string; v: (number | string)[] };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string, sortKey: string): (number | string)[] {
  try {
    const cursor = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (cursor.s === sortKey && Array.isArray(cursor.v)) return cursor.v;
  } catch {
    // falls through to the 400 below
  }
  throw badParameter('page[after]', 'page[after] is not a cursor of this collection and sort: follow links.next as given.');
}

export type KeysetPage<Row> = { rows: Row[]; nextCursor: string | null; count: number | null };

export function readKeysetPage<Row extends { id: number }>(db: Db, spec: CollectionSpec, query: CollectionQuery): KeysetPage<Row> {
  const params: unknown[] = [];
  const conditions = [...(spec.where ?? [])];
  for (const [path, value] of query.filters) {
    const column = spec.filters[path];
    const parameter = `filter[${path.split('.').join('][')}]`;
    if (!column) throw badParameter(parameter, `${parameter} is not a filter of this collection.`);
    conditions.push(filterSql(column, value, parameter, params));
  }
  const order = query.sort.map(({ field, descending }) => {
    const column = spec.sorts[field];
    if (!column) throw badParameter('sort', `${field} is not sortable here.`);
    return { sql: column.sql, descending };
  });
  if (!query.sort.some((s) => s.field === 'id')) order.push({ sql: `${spec.table}.id`, descending: false });
  const sortKey = query.sort.map((s) => `${s.descending ? '-' : ''}${s.field}`).join(',');

  const where = conditions.length ? conditions.join(' AND ') : '1';
  const count = query.count
    ? (db.prepare(`SELECT COUNT(*) AS n FROM ${spec.table} WHERE ${where}`).get(...params) as { n: number }).n
    : null;

  const pageConditions: string[] = [];
  const pageParams: unknown[] = [];
  if (query.after !== null) {
    const values = decodeCursor(query.after, sortKey);
    if (values.length !== order.length) throw badParameter('page[after]', 'page[after] does not fit this sort.');
    if (order.every((o) => o.descending === order[0]!.descending)) {
      // One direction: a row-value comparison, which SQLite answers with an index range.
      pageConditions.push(`(${order.map((o) => o.sql).join(', ')}) ${order[0]!.descending ? '<' : '>'} (${order.map(() => '?').join(', ')})`);
      pageParams.push(...values);
    } else {
      const alternatives = order.map((_, i) => {
        const equalBefore = order.slice(0, i).map((o, j) => { pageParams.push(values[j]); return `${o.sql} = ?`; });
        pageParams.push(values[i]);
        return `(${[...equalBefore, `${order[i]!.sql} ${order[i]!.descending ? '<' : '>'} ?`].join(' AND ')})`;
      });
      pageConditions.push(`(${alternatives.join(' OR ')})`);
    }
  }
  const sortValues = order.map((o, i) => `${o.sql} AS __k${i}`).join(', ');
  const sql = `SELECT ${spec.table}.*, ${sortValues} FROM ${spec.table}
    WHERE ${[where, ...pageConditions].join(' AND ')}
    ORDER BY ${order.map((o) => `${o.sql}${o.descending ? ' DESC' : ''}`).join(', ')}
    LIMIT ?`;
  const fetched = db.prepare(sql).all(...params, ...pageParams, query.pageSize + 1) as (Row & Record<string, number | string>)[];
  const hasMore = fetched.length > query.pageSize;
  const rows = fetched.slice(0, query.pageSize);
  const last = rows[rows.length - 1];
  const nextCursor = hasMore && last ? encodeCursor({ s: sortKey, v: order.map((_, i) => last[`__k${i}`]!) }) : null;
  return { rows, nextCursor, count };
}
