/**
 * What the last move did ("Moved 200 tasks: Maya 67, Jonas 67, Priya 66"), kept on the desk until
 * dismissed, with the one Undo that puts every task back with its previous assignee.
 */
import { useUndoMove } from '../api/move-tasks';
import { deskActions, useMoveReport } from '../stores/desk-store';

const BUTTON =
  'rounded-md px-3 py-1 text-sm font-medium text-sky-800 hover:bg-sky-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-sky-200 dark:hover:bg-sky-900';

export function MoveReport() {
  const report = useMoveReport();
  const undo = useUndoMove();
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {report ? (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
          <p className="flex-1" data-testid="move-report">
            {report.undone === 'yes' ? `Undone: ${report.moved.length} tasks are back with their previous owners.` : report.message}
            {report.problem && report.undone !== 'yes' ? <span className="block text-red-800 dark:text-red-200">{report.problem}</span> : null}
          </p>
          {report.undone !== 'yes' && report.moved.length > 0 ? (
            <button
              type="button"
              className={BUTTON}
              disabled={report.undone === 'undoing'}
              onClick={() => {
                deskActions().undoStarted();
                undo.mutate(
                  { moved: report.moved, timeZone: report.timeZone, label: report.label },
                  { onSuccess: () => deskActions().undoFinished(true), onError: () => deskActions().undoFinished(false) },
                );
              }}
            >
              {report.undone === 'undoing' ? 'Undoing…' : 'Undo'}
            </button>
          ) : null}
          <button type="button" className={BUTTON} onClick={() => deskActions().reportDismissed()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {undo.error ? <p className="text-sm text-red-700 dark:text-red-300">Couldn't undo: {undo.error.message}</p> : null}
    </div>
  );
}
