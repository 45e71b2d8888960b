import { DEFAULT_LIMIT, MAX_LIMIT } from '@/shared/close/schemas';

export type Page = { limit: number; skip: number };

/** Past this a number loses precision, and SQLite's integers end soon after. */
const MAX_SKIP = Number.MAX_SAFE_INTEGER;

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

/** `_fields=a,b`: the requested subset of each object, in the object's own key order. */
export function readFields(query: Record<string, string>): Set<string> | null {
  const raw = query._fields;
  if (raw === undefined || raw.trim() === '') return null;
  return new Set(raw.split(',').map((f) => f.trim()).filter(Boolean));
}

export function pickFields<T extends Record<string, unknown>>(obj: T, fields: Set<string> | null): Partial<T> {
  if (!fields) return obj;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) if (fields.has(key)) out[key] = obj[key];
  return out as Partial<T>;
}
