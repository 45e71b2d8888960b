import { useCapabilities } from '@/lib/capabilities';
import { useCurrentView } from '../hooks/use-current-task-view';
import { useTaskActions } from '../hooks/use-task-actions';
import { useBulkProgress } from '../stores/bulk-progress-store';
import { useAllMatchingSelected, useSelectedCount } from '../stores/selection-store';
import { ShortcutButton } from './task-action-buttons';

const BUTTON =
  'inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-white hover:bg-white/15 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-white dark:text-slate-900 dark:hover:bg-slate-900/10 dark:focus-visible:outline-slate-900';
/** On the bar's inverted colours, the key caps are inverted too. */
const HINT =
  'hidden pointer-fine:inline-flex [&_kbd]:border-slate-600 [&_kbd]:bg-slate-800 [&_kbd]:text-slate-100 dark:[&_kbd]:border-slate-400 dark:[&_kbd]:bg-white dark:[&_kbd]:text-slate-800';

/**
 * Appears while tasks are selected (or a bulk change runs): the same actions as a card, for all
 * of them, with their shortcuts. A change of thousands shows its progress here. Loaded only when
 * first needed (the shell renders it once something is selected).
 */
export default function BulkBar() {
  const selected = useSelectedCount();
  const allMatching = useAllMatchingSelected();
  const progress = useBulkProgress();
  const view = useCurrentView();
  const actions = useTaskActions();
  const canReopen = useCapabilities()?.reopen === true;
  if (selected === 0 && !progress) return null;

  return (
    <section
      aria-label="Bulk actions"
      className="fixed inset-x-0 bottom-0 z-40 flex justify-center p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]"
    >
      <div className="flex w-full max-w-3xl flex-wrap items-center gap-1 rounded-xl bg-slate-900 px-4 py-2 text-white shadow-2xl dark:bg-slate-100 dark:text-slate-900">
        {progress ? (
          <div className="flex w-full items-center gap-3" role="status">
            <span className="text-sm">{progress.label}</span>
            <progress
              aria-label={progress.label}
              className="h-2 flex-1 accent-sky-400"
              max={Math.max(1, progress.total)}
              value={progress.done}
            />
            <span className="text-sm tabular-nums">
              {progress.done.toLocaleString('en-US')} / {progress.total.toLocaleString('en-US')}
            </span>
          </div>
        ) : (
          <>
            <span className="mr-auto text-sm font-medium">
              {allMatching ? 'All matching tasks' : `${selected.toLocaleString('en-US')} selected`}
            </span>
            {view === 'archive' ? (
              canReopen && (
                <ShortcutButton command="complete" className={BUTTON} hintClassName={HINT} onClick={actions.reopenSelection}>
                  <span>
                    Reopen<span className="sr-only"> selected</span>
                  </span>
                </ShortcutButton>
              )
            ) : (
              <ShortcutButton command="complete" className={BUTTON} hintClassName={HINT} onClick={actions.completeSelection}>
                <span>
                  Complete<span className="sr-only"> selected</span>
                </span>
              </ShortcutButton>
            )}
            <ShortcutButton command="reassign" opensDialog className={BUTTON} hintClassName={HINT} onClick={() => actions.openReassign({ kind: 'selection' })}>
              <span>
                Reassign<span className="sr-only"> selected</span>
              </span>
            </ShortcutButton>
            <ShortcutButton command="snooze" opensDialog className={BUTTON} hintClassName={HINT} onClick={() => actions.openSnooze({ kind: 'selection' })}>
              <span>
                Snooze<span className="sr-only"> selected</span>
              </span>
            </ShortcutButton>
          </>
        )}
      </div>
    </section>
  );
}
