import type { Task } from '@/shared/close/schemas';

/**
 * "Sequence step" on a task a backend's sequence made (Outreach's `sequenceStep`): completing it
 * finishes the sequence for that prospect rather than moving it on. With the step's number and the
 * sequence's name when the task carries them: "Step 2 · Enterprise outbound".
 */
export function SequenceStepBadge({ task }: { task: Task }) {
  if (typeof task.sequence_step_id !== 'string') return null;
  const name = typeof task.sequence_name === 'string' ? task.sequence_name : null;
  const step = typeof task.sequence_step_order === 'number' ? task.sequence_step_order : null;
  const label = step !== null ? `Step ${step}${name ? ` · ${name}` : ''}` : name ? `Sequence · ${name}` : 'Sequence step';
  return (
    <span className="inline-flex max-w-48 shrink-0 items-center truncate rounded border border-violet-300 bg-violet-50 px-1.5 text-xs font-medium text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200" title={label}>
      {label}
    </span>
  );
}
