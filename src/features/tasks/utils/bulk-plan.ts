/**
 * What a bulk action does and how it reads: one rule per action, so the change sent to the API, the
 * optimistic patch, the confirmation, the progress label and the Undo label cannot drift apart.
 */
import type { BulkUpdateTaskBody, Task } from '@/shared/close/schemas';
import { describeDate } from './describe-date';

export type BulkPlan =
  | { action: 'complete' }
  | { action: 'reopen' }
  | { action: 'reassign'; userId: string; userName: string }
  | { action: 'snooze'; date: string };

/** The fields a bulk update may change (Close's bulk `PUT /task/`). */
export type BulkPlanChanges = Pick<BulkUpdateTaskBody, 'assigned_to' | 'date' | 'is_complete'>;
export type BulkField = keyof BulkPlanChanges;

type PlanOf<A extends BulkPlan['action']> = Extract<BulkPlan, { action: A }>;

type PlanRule<P extends BulkPlan> = {
  /** "complete", "completing", "completed": the verb, before and after "N tasks". */
  verb: string;
  ongoing: string;
  done: string;
  /** What follows "N tasks" in every phrase (" to Maya Patel"), if anything. */
  object?: (plan: P) => string;
  /** What follows "N tasks <done>" in the confirmation only, when it says more than `object`. */
  outcome?: (plan: P, timeZone: string) => string;
  changes: (plan: P) => BulkPlanChanges;
  /** The optimistic change to a loaded task: `changes` plus what the screen shows with them. */
  patch: (plan: P) => Partial<Task>;
};

const PLAN_RULES: { [A in BulkPlan['action']]: PlanRule<PlanOf<A>> } = {
  complete: {
    verb: 'complete',
    ongoing: 'completing',
    done: 'completed',
    changes: () => ({ is_complete: true }),
    patch: () => ({ is_complete: true }),
  },
  reopen: {
    verb: 'reopen',
    ongoing: 'reopening',
    done: 'reopened',
    changes: () => ({ is_complete: false }),
    patch: () => ({ is_complete: false }),
  },
  reassign: {
    verb: 'reassign',
    ongoing: 'reassigning',
    done: 'reassigned',
    object: (plan) => ` to ${plan.userName}`,
    changes: (plan) => ({ assigned_to: plan.userId }),
    patch: (plan) => ({ assigned_to: plan.userId, assigned_to_name: plan.userName }),
  },
  snooze: {
    verb: 'snooze',
    ongoing: 'snoozing',
    done: 'snoozed',
    outcome: (plan, timeZone) => ` to ${describeDate(plan.date, timeZone)}`,
    changes: (plan) => ({ date: plan.date }),
    patch: (plan) => ({ date: plan.date }),
  },
};

/** The plan's rule, typed for the plan (TypeScript cannot narrow the table by `plan.action`). */
function ruleOf(plan: BulkPlan): PlanRule<BulkPlan> {
  return PLAN_RULES[plan.action] as PlanRule<BulkPlan>;
}

function tasks(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'task' : 'tasks'}`;
}

/** The change sent to the API and the optimistic patch for loaded tasks. */
export function planChanges(plan: BulkPlan): { changes: BulkPlanChanges; patch: Partial<Task> } {
  const rule = ruleOf(plan);
  return { changes: rule.changes(plan), patch: rule.patch(plan) };
}

/** The fields a change sets, in a fixed order (what Undo has to put back). */
export function changedFields(changes: BulkPlanChanges): BulkField[] {
  return (['is_complete', 'assigned_to', 'date'] as const).filter((f) => f in changes);
}

/** "312 tasks reassigned to Maya Patel", "1 task completed". */
export function bulkSummary(plan: BulkPlan, count: number, timeZone: string): string {
  const rule = ruleOf(plan);
  const tail = rule.outcome?.(plan, timeZone) ?? rule.object?.(plan) ?? '';
  return `${tasks(count)} ${rule.done}${tail}`;
}

/** "reassigning 312 tasks to Maya Patel": what Undo undoes. */
export function bulkUndoLabel(plan: BulkPlan, count: number): string {
  const rule = ruleOf(plan);
  return `${rule.ongoing} ${tasks(count)}${rule.object?.(plan) ?? ''}`;
}

/** "reassign 312 tasks to Maya Patel": the request's description and, capitalised, its progress. */
export function bulkVerb(plan: BulkPlan, count: number): string {
  const rule = ruleOf(plan);
  return `${rule.verb} ${tasks(count)}${rule.object?.(plan) ?? ''}`;
}
