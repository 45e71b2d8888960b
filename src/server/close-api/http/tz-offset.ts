import type { Context } from 'hono';
import { TZ_OFFSET_ERROR, parseTzOffset } from '@/shared/close/dates';
import { badRequest } from './close-api-error';

export const TZ_OFFSET_HEADER = 'x-tz-offset';

/**
 * The request's `x-tz-offset` in hours (0 when absent). A handler reads it once and passes the
 * number on. Malformed: null, with the reason added to `fieldErrors` beside the other parameters'.
 */
export function readTzOffset(c: Context, fieldErrors: Record<string, string>): number | null {
  const hours = parseTzOffset(c.req.header(TZ_OFFSET_HEADER));
  if (hours === null) fieldErrors[TZ_OFFSET_HEADER] = TZ_OFFSET_ERROR;
  return hours;
}

/** readTzOffset for a handler with nothing else to report: a malformed header answers 400 at once. */
export function requireTzOffset(c: Context): number {
  const fieldErrors: Record<string, string> = {};
  const hours = readTzOffset(c, fieldErrors);
  if (hours === null) throw badRequest(fieldErrors);
  return hours;
}
