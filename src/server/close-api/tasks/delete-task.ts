import type { CloseApiContext, CloseApiDeps } from '../close-api-deps';
import { findTaskOr404 } from './get-task';

/** `DELETE /task/{id}/` answers 200 with an empty JSON object, as Close does. */
export function deleteTask(deps: CloseApiDeps) {
  return (c: CloseApiContext) => {
    const row = findTaskOr404(c, deps);
    deps.tasks.deleteBySeq(row.seq);
    return c.json({});
  };
}
