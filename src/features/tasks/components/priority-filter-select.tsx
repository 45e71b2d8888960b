import { useLocation, useNavigate } from '@tanstack/react-router';
import { TASK_PRIORITIES, type TaskPriority } from '@/shared/close/schemas';
import { useCapabilities } from '@/lib/capabilities';
import { type ViewSearch, viewSearchSchema } from '../utils/view-search';

const LABELS: Record<TaskPriority, string> = { high: 'High priority', medium: 'Normal priority' };

/**
 * Which priority the view shows, in the URL (`?priority=high`), like the type filter. Only where
 * the backend has priorities: elsewhere every task would be "normal" and the control a trap.
 */
export function PriorityFilterSelect({ className }: { className: string }) {
  const navigate = useNavigate();
  const raw = useLocation({ select: (l) => l.search as Record<string, unknown> });
  const value = viewSearchSchema.parse(raw ?? {}).priority;
  if (useCapabilities()?.priority !== true) return null;
  const choose = (next: string) => {
    const priority = TASK_PRIORITIES.find((p) => p === next);
    void navigate({ to: '.', search: (prev: ViewSearch) => ({ ...prev, priority }) } as never);
  };
  return (
    <select aria-label="Priority" className={className} value={value ?? ''} onChange={(e) => choose(e.target.value)}>
      <option value="">Any priority</option>
      {TASK_PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {LABELS[p]}
        </option>
      ))}
    </select>
  );
}
