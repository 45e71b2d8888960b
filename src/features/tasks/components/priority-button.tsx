import type { Task } from '@/shared/close/schemas';
import { useCapabilities } from '@/lib/capabilities';
import { ariaKeyShortcuts } from '@/lib/shortcuts/format-shortcut';
import { ShortcutHint } from '@/components/shortcut-hint';
import { useTaskActions } from '../hooks/use-task-actions';
import { priorityOf, toggledPriority } from '../utils/priority-filter';
import { shortcutKeys } from '../utils/shortcut-catalog';

/** A toggle for "High priority" (p), where the backend has priorities; pressed when the task is high. */
export function PriorityButton({ task, className, hintClassName }: { task: Task; className: string; hintClassName: string }) {
  const actions = useTaskActions();
  const offered = useCapabilities()?.priority === true;
  if (!offered || task.is_complete) return null;
  const keys = shortcutKeys('priority');
  return (
    <button
      type="button"
      className={className}
      aria-pressed={priorityOf(task) === 'high'}
      aria-keyshortcuts={ariaKeyShortcuts(keys)}
      onClick={() => actions.setPriority(task, toggledPriority(task))}
    >
      High priority
      <ShortcutHint keys={keys[0]} className={hintClassName} />
    </button>
  );
}
