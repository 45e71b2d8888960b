import { readFields } from '@/shared/close/list-params';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { readActivityListQuery } from './activity-list-query';

/** Where one kind of activity is stored, and how a row of it goes on the wire. */
export type ActivityListSource<Row> = {
  table: string;
  columns: string;
  serialize: (row: Row, publicUrl: string) => Record<string, unknown>;
};

/**
 * An activity list as Close answers it: the rows the filters select, newest first, paged with
 * `_limit`/`_skip` (one row more is read to know `has_more`), each cut to `_fields`.
 */
export function listActivities<Row>(deps: CloseApiDeps, source: ActivityListSource<Row>) {
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const { where, args, page } = readActivityListQuery(params, c.get('user').organization_id);
    const rows = deps.db
      .prepare<(string | number)[], Row>(
        `SELECT ${source.columns} FROM ${source.table} WHERE ${where}
          ORDER BY date_created_ms DESC, seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...args, page.limit + 1, page.skip);
    const fields = readFields(params);
    const data = rows.slice(0, page.limit).map((row) => pickFields(source.serialize(row, deps.publicUrl), fields));
    return c.json({ data, has_more: rows.length > page.limit });
  };
}
