import { useLocation, useNavigate } from '@tanstack/react-router';
import { useRequestedViewChoice } from '../hooks/use-current-task-view';
import type { DueSlice, ViewSearch } from '../utils/view-search';

const LABELS: Record<DueSlice, string> = { overdue: 'Overdue only', today: 'Due today' };

/**
 * Says that the inbox shows a slice (`?due=overdue|today`, where the desk's counts link), so
 * nobody takes it for the whole inbox, and removes the slice in one press.
 */
export function DueSliceChip() {
  const navigate = useNavigate();
  const due = useRequestedViewChoice().due;
  const inInbox = useLocation({ select: (l) => l.pathname.startsWith('/inbox') || l.pathname.startsWith('/queue') });
  if (!due || !inInbox) return null;
  const remove = () => void navigate({ to: '.', search: (prev: ViewSearch) => ({ ...prev, due: undefined }) } as never);
  return (
    <span
      data-testid="due-slice"
      className="inline-flex h-9 items-center gap-1 rounded-full border border-sky-300 bg-sky-50 pr-1 pl-3 text-sm font-medium text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
    >
      {LABELS[due]}
      <button
        type="button"
        onClick={remove}
        aria-label={`Remove filter: ${LABELS[due]}`}
        title="Show the whole inbox"
        className="inline-flex size-7 items-center justify-center rounded-full text-base leading-none hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:hover:bg-sky-900"
      >
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
