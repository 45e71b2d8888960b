/**
 * How the desk sends task changes: through the app's one outbox of task changes, which belongs to
 * the tasks feature. A feature does not import another, so the app (which composes features)
 * hands the desk this port: `enqueue` puts a change in that outbox, `mutationKey` is the key every
 * task change shares, `taskQueryKey` the tasks' queries, `settled` refreshes the task lists once
 * the last change settles.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';

/** A task's assignee before a move: what Undo puts back. */
export type AssigneeRestore = { id: string; values: { assigned_to: string } };

/** The outbox kinds the desk sends (a subset of the task outbox's, by shape). */
export type TaskMoveChange =
  | {
      kind: 'bulk-ids';
      ids: string[];
      changes: { assigned_to: string };
      patch: { assigned_to: string };
      previous: AssigneeRestore[];
      timeZone: string;
    }
  | { kind: 'restore'; items: AssigneeRestore[]; timeZone: string };

export type TaskChangesPort = {
  enqueue: (change: TaskMoveChange, label: string, onProgress?: (done: number, total: number) => void) => { id: string; result: Promise<unknown> };
  mutationKey: readonly unknown[];
  /** The prefix of every task query: their invalidation means tasks changed (here or in another tab). */
  taskQueryKey: readonly unknown[];
  settled: (queryClient: QueryClient) => Promise<void> | void;
};

/** Given by the route (`<TaskChangesPortContext.Provider value={…}>`). */
export const TaskChangesPortContext = createContext<TaskChangesPort | null>(null);

export function useTaskChangesPort(): TaskChangesPort {
  const port = useContext(TaskChangesPortContext);
  if (!port) throw new Error('useTaskChangesPort needs a TaskChangesPortContext provider (the /team route gives one).');
  return port;
}
