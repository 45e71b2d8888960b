import type { TaskView } from '@/shared/close/schemas';
import { useCapabilities } from '@/lib/capabilities';

const COPY: Record<TaskView, { title: string; body: string }> = {
  inbox: { title: 'Inbox zero', body: "Nothing left for today. New calls, emails and to-dos show up here on their own." },
  future: { title: 'Nothing scheduled', body: 'Tasks snoozed or due after today will wait here.' },
  archive: { title: 'Nothing completed yet', body: 'Completed tasks are kept here; reopen one to bring it back.' },
};

/** A list with no tasks: friendly, and the same height as a short list so the page does not jump. */
export function EmptyState({ view, filtered }: { view: TaskView; filtered: boolean }) {
  const canReopen = useCapabilities()?.reopen !== false;
  const copy = view === 'archive' && !canReopen ? { ...COPY.archive, body: 'Completed tasks are kept here.' } : COPY[view];
  return (
    <div className="flex min-h-[320px] flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-slate-300 px-6 text-center dark:border-slate-700">
      {view === 'inbox' ? (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-10 text-emerald-600 dark:text-emerald-400" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M4.5 12.75l6 6 9-13.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      ) : null}
      <h2 className="text-lg font-semibold text-slate-900 dark:text-slate-100">{copy.title}</h2>
      <p className="max-w-sm text-sm text-slate-600 dark:text-slate-400">
        {copy.body}
        {filtered ? ' Filters are on: other tasks may be hidden.' : ''}
      </p>
    </div>
  );
}
