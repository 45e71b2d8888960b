/**
 * Which taskPriority a contract `priority` write sets on an Outreach task. Outreach has its own
 * list (High, Medium, Low by default; `weight` orders them); the contract has `high` and `medium`.
 *
 * - `high` sets the heaviest priority; a task that has it already is left alone.
 * - `medium` on a task that is not at the heaviest changes nothing: it reads `medium` already, and
 *   its own Low (or none) is kept.
 * - `medium` on a task at the heaviest: the priority it had before this connector made it high
 *   (so Undo of `p` restores Low, Medium or none exactly), otherwise the one named "Medium",
 *   otherwise the next heaviest, otherwise none. What was replaced is remembered per person and
 *   task in this process only: after a restart, that Undo sets Medium.
 */
import type { TaskPriority } from '@/shared/close/schemas';
import { type OutreachPriority, type OutreachResource, highestPriorityOf } from './outreach-tasks';

const REMEMBERED = 5_000;

/** The change to send: `to` is the taskPriority id (null: none), `from` the one it replaces. */
export type PriorityChange = { to: string | null; from: string | null; madeHigh: boolean };

export function priorityIdOf(task: OutreachResource): string | null {
  const id = task.relationships?.taskPriority?.data?.id;
  return id === undefined || id === null ? null : String(id);
}

export function createPriorityChoice() {
  const replacedByHigh = new Map<string, string | null>();

  /**
   * The change `wanted` makes on a task whose priority is `currentId` (null: nothing to send);
   * `priorities` holds at least one; `key` names the person and the task.
   */
  function choose(wanted: TaskPriority, currentId: string | null, priorities: readonly OutreachPriority[], key: string): PriorityChange | null {
    const high = highestPriorityOf(priorities)!;
    if (wanted === 'high') return currentId === high.id ? null : { to: high.id, from: currentId, madeHigh: true };
    if (currentId !== high.id) return null;
    if (replacedByHigh.has(key)) return { to: replacedByHigh.get(key)!, from: currentId, madeHigh: false };
    const medium = priorities.find((p) => p.name.trim().toLowerCase() === 'medium');
    const nextHeaviest = priorities.filter((p) => p.weight < high.weight).sort((a, b) => b.weight - a.weight)[0];
    return { to: (medium ?? nextHeaviest)?.id ?? null, from: currentId, madeHigh: false };
  }

  /** Outreach took `change`: a later `medium` on this task puts back what a `high` replaced. */
  function changed(key: string, change: PriorityChange): void {
    replacedByHigh.delete(key);
    if (!change.madeHigh) return;
    replacedByHigh.set(key, change.from);
    if (replacedByHigh.size > REMEMBERED) replacedByHigh.delete(replacedByHigh.keys().next().value!);
  }

  return { choose, changed };
}
