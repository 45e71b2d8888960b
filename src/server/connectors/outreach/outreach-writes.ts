/**
 * The contract's task changes as Outreach's member actions (`POST /tasks/{id}/actions/NAME` with
 * `actionParams[x]` in the query): `assigned_to` → reassignOwner, `date` → reschedule (to the
 * given day's start in the person's zone, or the given instant), `text` → updateNote,
 * `is_complete: true` → markComplete, last, as Outreach refuses changes to a completed task.
 * Completing never moves a sequence on by accident: a sequence step is completed with
 * `completionAction=finish_no_reply`. `is_complete: false` is refused: Outreach cannot reopen.
 * `completion_note` goes with the completion (`completionNote`). `priority` is a
 * `PATCH /tasks/{id}` of the `taskPriority` relationship (outreach-priority-writes.ts says which one).
 */
import { instantOf, parseCloseDate } from '@/shared/close/dates';
import type { UpdateTaskBody } from '@/shared/close/schemas';
import { type OutreachAuth, type OutreachClient, OutreachFailure } from './outreach-client';
import { isSequenceTask } from './outreach-tasks';
import type { OutreachReads } from './outreach-reads';
import { createPriorityChoice, priorityIdOf } from './outreach-priority-writes';

export const CANNOT_REOPEN = 'Outreach cannot reopen a completed task.';

export class ContractFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function createOutreachWrites(client: OutreachClient, reads: OutreachReads) {
  const priorities = createPriorityChoice();
  const action = (id: string, name: string, params: Record<string, string>, auth: OutreachAuth) =>
    client.request({ method: 'POST', path: `/tasks/${id}/actions/${name}`, query: Object.fromEntries(Object.entries(params).map(([k, v]) => [`actionParams[${k}]`, v])) }, auth);

  function dueAtOf(date: string | null | undefined, offsetHours: number): string {
    const parsed = date ? parseCloseDate(date) : null;
    if (!parsed) throw new ContractFieldError('date', date === null ? 'Outreach tasks always have a due time.' : 'Not a valid date.');
    return new Date(instantOf(parsed, offsetHours)).toISOString();
  }

  /** Applies `body` to one task; answers nothing (the caller reads the task afterwards if it needs it). */
  async function applyChanges(id: string, body: UpdateTaskBody, offsetHours: number, auth: OutreachAuth, personKey: string): Promise<void> {
    if (!/^\d+$/.test(id)) throw new OutreachFailure(404, 'Task not found.');
    if (body.completion_note !== undefined && body.is_complete !== true) throw new ContractFieldError('completion_note', 'A completion note goes with is_complete: true.');
    const dueAt = body.date !== undefined ? dueAtOf(body.date, offsetHours) : body.due_date !== undefined ? dueAtOf(body.due_date, offsetHours) : null;
    const needsTask = body.is_complete !== undefined || body.priority !== undefined;
    const current = needsTask ? await reads.getTask(id, auth, personKey) : null;
    if (body.is_complete === false && current?.task.is_complete) throw new OutreachFailure(422, CANNOT_REOPEN);
    const priorityList = body.priority !== undefined ? await reads.listPriorities(auth, personKey) : [];
    if (body.priority !== undefined && priorityList.length === 0) {
      throw new ContractFieldError('priority', 'Outreach gave Triage no task priorities to choose from: sign in again to let it read them.');
    }
    if (body.assigned_to !== undefined) await action(id, 'reassignOwner', { ownerId: body.assigned_to }, auth);
    if (dueAt !== null) await action(id, 'reschedule', { dueAt }, auth);
    if (body.text !== undefined) await action(id, 'updateNote', { note: body.text }, auth);
    if (body.priority !== undefined && current) {
      const key = `${personKey}\n${id}`;
      const change = priorities.choose(body.priority, priorityIdOf(current.resource), priorityList, key);
      if (change) {
        const data = change.to === null ? null : { type: 'taskPriority', id: Number(change.to) };
        await client.request({ method: 'PATCH', path: `/tasks/${id}`, body: { data: { type: 'task', id: Number(id), relationships: { taskPriority: { data } } } } }, auth);
        priorities.changed(key, change);
      }
    }
    if (body.is_complete === true && current && !current.task.is_complete) {
      await action(id, 'markComplete', {
        ...(body.completion_note ? { completionNote: body.completion_note } : {}),
        ...(isSequenceTask(current.resource) ? { completionAction: 'finish_no_reply' } : {}),
      }, auth);
    }
  }

  return {
    async updateTask(id: string, body: UpdateTaskBody, offsetHours: number, auth: OutreachAuth, personKey: string) {
      await applyChanges(id, body, offsetHours, auth, personKey);
      return (await reads.getTask(id, auth, personKey)).task;
    },
    /** One task after another (Outreach has no bulk action); stops at the first refusal, saying how many were changed. */
    async updateTasks(ids: readonly string[], body: UpdateTaskBody, offsetHours: number, auth: OutreachAuth, personKey: string): Promise<number> {
      let done = 0;
      for (const id of ids) {
        try {
          await applyChanges(id, body, offsetHours, auth, personKey);
        } catch (error) {
          if (error instanceof OutreachFailure && done > 0) {
            throw new OutreachFailure(error.status, `${error.message} (${done} of ${ids.length} tasks were changed before this one.)`, error.headers, error.signInAgain);
          }
          throw error;
        }
        done++;
      }
      return done;
    },
  };
}

export type OutreachWrites = ReturnType<typeof createOutreachWrites>;
