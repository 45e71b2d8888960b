/** `_fields` applied to an answer; the list parameters themselves are read in shared/close/list-params.ts. */
export function pickFields<T extends Record<string, unknown>>(obj: T, fields: Set<string> | null): Partial<T> {
  if (!fields) return obj;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) if (fields.has(key)) out[key] = obj[key];
  return out as Partial<T>;
}
