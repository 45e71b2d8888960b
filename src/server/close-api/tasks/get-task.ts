import { parseTzOffset } from '@/shared/close/dates';
import { badRequest, notFound } from '../http/close-api-error';
import { pickFields, readFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { serializeTask, type SerializeContext } from './serialize-task';
import type { TaskRow } from './task-repository';

export function serializeContext(c: CloseApiContext, deps: CloseApiDeps): SerializeContext {
  const offset = parseTzOffset(c.req.header('x-tz-offset'));
  if (offset === null) throw badRequest({ 'x-tz-offset': 'Must be a number of hours between -12 and 14, e.g. -8 or 5.5.' });
  return { offsetHours: offset, nowMs: deps.now(), publicUrl: deps.publicUrl };
}

export function findTaskOr404(c: CloseApiContext, deps: CloseApiDeps): TaskRow {
  const row = deps.tasks.findById(c.get('user').organization_id, c.req.param('id') ?? '');
  if (!row) throw notFound('Task');
  return row;
}

/** `GET /task/{id}/` */
export function getTask(deps: CloseApiDeps) {
  return (c: CloseApiContext) => {
    const ctx = serializeContext(c, deps);
    const row = findTaskOr404(c, deps);
    return c.json(pickFields(serializeTask(row, ctx), readFields(queryOf(c))));
  };
}
