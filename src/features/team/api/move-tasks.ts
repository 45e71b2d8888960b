/**
 * "Move tasks": reassigns a slice of one or more reps' open tasks to one rep or spread over
 * several, and its Undo.
 *   1. The chosen tasks' ids, oldest first (`_fields=id`, 200 a page), read in each source rep's
 *      own zone (its `x-tz-offset`), so "overdue" means overdue where that rep is.
 *   2. One bulk `PUT /task/` per target and 1,000 ids (`_params.id__in`), each its own outbox
 *      change, all-or-nothing on the server. The ids are read anyway, for Undo, and a filter-based
 *      PUT would also catch tasks that arrived after the preview, which Undo would then not know;
 *      for one target and up to 1,000 tasks it is one request either way.
 *   3. Undo: one change per move, which the outbox sends as one bulk PUT per previous owner.
 * Every request goes through the app's outbox of task changes (see task-changes-port.ts).
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { MAX_LIMIT, type TaskType, listResponseSchema } from '@/shared/close/schemas';
import type { TaskFilterInput } from '@/shared/close/task-filters';
import { tzOffsetHours } from '@/shared/close/zones';
import { taskApi } from '@/lib/task-api';
import { type MoveSlice, type MovedTask, undoGroups } from '../utils/move-plan';
import { chunkForRequests, planSpread } from '../utils/spread-tasks';
import { workloadSliceFilters } from './count-workload';
import { type AssigneeRestore, type TaskChangesPort, useTaskChangesPort } from './task-changes-port';

const IdPageSchema = listResponseSchema(z.looseObject({ id: z.string() }));

/**
 * The filters for one rep's open tasks in a slice, read with the rep's `x-tz-offset`: the desk's
 * own count filters (count-workload.ts), so a move takes exactly what the row counted, narrowed
 * to some types (none chosen: every type); "all open" is every task not complete.
 */
export function sliceTaskFilters(
  slice: MoveSlice,
  userId: string,
  types: readonly TaskType[],
  nowMs: number,
  offsetHours: number,
): TaskFilterInput {
  const filters = slice === 'open' ? { assignedTo: userId, isComplete: false } : workloadSliceFilters(slice, userId, nowMs, offsetHours);
  return { ...filters, types: types.length === 0 ? null : types };
}

export type MoveSource = { userId: string; timeZone: string };

export type MoveTarget = { userId: string; weight?: number };

export type MoveProgress =
  | { phase: 'finding'; found: number }
  | { phase: 'moving'; done: number; total: number };

export type MoveTasksVariables = {
  sources: MoveSource[];
  slice: MoveSlice;
  /** Empty: every type. */
  types: TaskType[];
  /** The oldest N of each source's slice; null for all of it. */
  limit: number | null;
  targets: MoveTarget[];
  /** "move 200 overdue tasks": for the outbox's "Couldn't …". */
  description: string;
  onProgress?: (progress: MoveProgress) => void;
};

export type MoveOutcome = {
  /** Every task that changed owner, with its previous and new assignee. */
  moved: MovedTask[];
  /** Per refused request: whose tasks they were to be, how many did not move, and why. */
  failed: Array<{ userId: string; count: number; reason: string }>;
};

/** The ids of one source's chosen tasks, oldest due date first. */
export async function findTaskIds(source: MoveSource, slice: MoveSlice, types: readonly TaskType[], limit: number | null, onPage?: (found: number) => void): Promise<string[]> {
  const now = Date.now();
  const filters = sliceTaskFilters(slice, source.userId, types, now, tzOffsetHours(source.timeZone, now));
  const ids: string[] = [];
  for (let skip = 0; limit === null || ids.length < limit; skip += MAX_LIMIT) {
    const pageSize = limit === null ? MAX_LIMIT : Math.min(MAX_LIMIT, limit - ids.length);
    const page = await taskApi.listTasks({ filters, orderBy: 'date', fields: ['id'], limit: pageSize, skip, timeZone: source.timeZone }, IdPageSchema);
    ids.push(...page.data.map((t) => t.id));
    onPage?.(ids.length);
    if (!page.has_more || page.data.length === 0) break;
  }
  return ids;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function moveTasks(port: TaskChangesPort, vars: MoveTasksVariables): Promise<MoveOutcome> {
  const owner = new Map<string, MoveSource>();
  const ids: string[] = [];
  for (const source of vars.sources) {
    const before = ids.length;
    const found = await findTaskIds(source, vars.slice, vars.types, vars.limit, (n) => vars.onProgress?.({ phase: 'finding', found: before + n }));
    for (const id of found) owner.set(id, source);
    ids.push(...found);
  }
  // One outbox change per request: each is all-or-nothing on the server and reported on its own.
  const plan = chunkForRequests(planSpread(ids, vars.targets));
  const total = ids.length;
  const doneBy = new Map<number, number>();
  const report = () => vars.onProgress?.({ phase: 'moving', done: [...doneBy.values()].reduce((a, b) => a + b, 0), total });
  report();
  const outcomes = await Promise.allSettled(
    plan.map((part, index) => {
      const previous: AssigneeRestore[] = part.taskIds.map((id) => ({ id, values: { assigned_to: owner.get(id)!.userId } }));
      // The ids are resolved already; the first source's zone is only the header the PUT carries.
      const timeZone = owner.get(part.taskIds[0]!)!.timeZone;
      const change = {
        kind: 'bulk-ids' as const,
        ids: part.taskIds,
        changes: { assigned_to: part.userId },
        patch: { assigned_to: part.userId },
        previous,
        timeZone,
      };
      return port.enqueue(change, vars.description, (done) => {
        doneBy.set(index, done);
        report();
      }).result;
    }),
  );
  const moved: MovedTask[] = [];
  const failed: MoveOutcome['failed'] = [];
  outcomes.forEach((outcome, i) => {
    const part = plan[i]!;
    if (outcome.status === 'fulfilled') {
      for (const id of part.taskIds) moved.push({ id, from: owner.get(id)!.userId, to: part.userId });
    } else failed.push({ userId: part.userId, count: part.taskIds.length, reason: reasonOf(outcome.reason) });
  });
  if (moved.length === 0 && failed.length > 0) throw new Error(failed[0]!.reason);
  return { moved, failed };
}

/** Puts every moved task back with its previous assignee: one change, a bulk PUT per previous owner. */
export async function undoMove(port: TaskChangesPort, moved: readonly MovedTask[], timeZone: string, label: string): Promise<void> {
  const items: AssigneeRestore[] = undoGroups(moved).flatMap((g) => g.ids.map((id) => ({ id, values: { assigned_to: g.assignedTo } })));
  if (items.length === 0) return;
  await port.enqueue({ kind: 'restore', items, timeZone }, label).result;
}

/** The desk's counts refresh through useWorkloadRefresh (every task change); the task lists here. */
async function settle(queryClient: QueryClient, port: TaskChangesPort): Promise<void> {
  await port.settled(queryClient);
}

export function useMoveTasks() {
  const queryClient = useQueryClient();
  const port = useTaskChangesPort();
  return useMutation({
    mutationKey: port.mutationKey,
    networkMode: 'always',
    mutationFn: (vars: MoveTasksVariables) => moveTasks(port, vars),
    onSettled: () => settle(queryClient, port),
    meta: { describeFailure: (vars) => `Couldn't ${(vars as MoveTasksVariables).description}`, showsOwnErrors: true },
  });
}

export type UndoMoveVariables = { moved: MovedTask[]; timeZone: string; label: string };

export function useUndoMove() {
  const queryClient = useQueryClient();
  const port = useTaskChangesPort();
  return useMutation({
    mutationKey: port.mutationKey,
    networkMode: 'always',
    mutationFn: ({ moved, timeZone, label }: UndoMoveVariables) => undoMove(port, moved, timeZone, `undo ${label}`),
    onSettled: () => settle(queryClient, port),
    meta: { describeFailure: (vars) => `Couldn't undo ${(vars as UndoMoveVariables).label}`, showsOwnErrors: true },
  });
}
