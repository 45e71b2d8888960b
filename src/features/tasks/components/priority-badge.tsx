import type { Task } from '@/shared/close/schemas';
import { useCapabilities } from '@/lib/capabilities';

/**
 * "High priority" on a card, where the backend has priorities. Medium is the usual priority and
 * shows nothing: a badge on every card would say nothing. Words, not only a colour, so a screen
 * reader and a colour-blind eye read the same thing.
 */
export function PriorityBadge({ task }: { task: Task }) {
  const shown = useCapabilities()?.priority === true && task.priority === 'high';
  if (!shown) return null;
  return (
    <span className="inline-flex shrink-0 items-center rounded border border-amber-300 bg-amber-50 px-1.5 text-xs font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
      High priority
    </span>
  );
}
