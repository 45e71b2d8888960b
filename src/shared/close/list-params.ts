/**
 * The parameters every Close list shares: `_limit`, `_skip` and `_fields`, read with their bounds
 * so a wild value answers 400 naming the parameter, never a 500 from the database.
 */
import { DEFAULT_LIMIT, MAX_LIMIT } from './schemas';

export type Page = { limit: number; skip: number };

/** Past this a number loses precision, and SQLite's integers end soon after. */
export const MAX_SKIP = Number.MAX_SAFE_INTEGER;
/** More names than any object has fields; a longer list is a mistake, not a projection. */
export const MAX_FIELDS = 100;
const FIELD_NAME_RE = /^[A-Za-z0-9_.]{1,64}$/;

/** `_limit`/`_skip` as Close reads them; errors go into `fieldErrors`. */
export function readPage(query: Record<string, string>, fieldErrors: Record<string, string>, maxLimit = MAX_LIMIT): Page {
  let limit = DEFAULT_LIMIT;
  let skip = 0;
  if (query._limit !== undefined) {
    if (!/^\d+$/.test(query._limit)) fieldErrors._limit = 'Must be a whole number.';
    else if (Number(query._limit) > maxLimit) fieldErrors._limit = `Must be at most ${maxLimit}.`;
    else limit = Number(query._limit);
  }
  if (query._skip !== undefined) {
    if (!/^\d+$/.test(query._skip)) fieldErrors._skip = 'Must be a whole number.';
    else if (Number(query._skip) > MAX_SKIP) fieldErrors._skip = `Must be at most ${MAX_SKIP}.`;
    else skip = Number(query._skip);
  }
  return { limit, skip };
}

/**
 * `_fields=a,b`: the requested subset of each object (null: every field). Names are field names
 * (letters, digits, `_`, `.`), at most MAX_FIELDS of them; otherwise an error names `_fields`.
 */
export function readFields(query: Record<string, string>, fieldErrors?: Record<string, string>): Set<string> | null {
  const raw = query._fields;
  if (raw === undefined || raw.trim() === '') return null;
  const names = raw.split(',').map((f) => f.trim()).filter(Boolean);
  if (fieldErrors) {
    if (names.length > MAX_FIELDS) fieldErrors._fields = `Give at most ${MAX_FIELDS} field names.`;
    else if (names.some((n) => !FIELD_NAME_RE.test(n))) fieldErrors._fields = 'Field names are letters, digits, "_" and ".", separated by commas.';
  }
  return new Set(names);
}
