import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { requireTzOffset } from '../http/tz-offset';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { serializeTask, type SerializeContext } from './serialize-task';
import type { TaskRow } from './task-repository';

export function serializeContext(c: CloseApiContext, deps: CloseApiDeps): SerializeContext {
  return { offsetHours: requireTzOffset(c), nowMs: deps.now(), publicUrl: deps.publicUrl };
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
