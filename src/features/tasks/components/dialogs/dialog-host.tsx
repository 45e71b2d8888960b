import { Suspense, lazy, useEffect } from 'react';
import { useDialogActions, useOpenDialog } from '../../stores/dialog-store';

// Each dialog (and react-aria with it) is its own chunk, fetched when the browser is idle after
// the first paint, so opening one is instant without weighing on the first load.
const loadSnooze = () => import('./snooze-dialog');
const loadReassign = () => import('./reassign-dialog');
const loadBulkPreview = () => import('./bulk-preview-dialog');
const loadNewTask = () => import('./new-task-dialog');
const loadDetail = () => import('./task-detail-dialog');
const loadShortcuts = () => import('./shortcut-sheet-dialog');
const loadPalette = () => import('./command-palette-dialog');
const loadReply = () => import('./reply-dialog');
const loadCompleteWithNote = () => import('./complete-with-note-dialog');

const SnoozeDialog = lazy(loadSnooze);
const ReassignDialog = lazy(loadReassign);
const BulkPreviewDialog = lazy(loadBulkPreview);
const NewTaskDialog = lazy(loadNewTask);
const TaskDetailDialog = lazy(loadDetail);
const ShortcutSheetDialog = lazy(loadShortcuts);
const CommandPaletteDialog = lazy(loadPalette);
const ReplyDialog = lazy(loadReply);
const CompleteWithNoteDialog = lazy(loadCompleteWithNote);

/** Every dialog's chunk, most used first: the shell fetches them when the browser is idle. */
export const DIALOG_CHUNKS = [loadSnooze, loadReassign, loadDetail, loadPalette, loadShortcuts, loadBulkPreview, loadNewTask, loadReply, loadCompleteWithNote];

/** Fetches lazy chunks once the browser is idle after the first paint, so opening one is instant. */
export function usePrefetchWhenIdle(loaders: ReadonlyArray<() => Promise<unknown>>) {
  useEffect(() => {
    let cancelled = false;
    const prefetch = () => {
      if (cancelled) return;
      // Offline, each fetch would fail (and log): fetch them once the connection is back.
      if (!navigator.onLine) {
        window.addEventListener('online', prefetch, { once: true });
        return;
      }
      for (const load of loaders) void load().catch(() => {});
    };
    const stop = () => {
      cancelled = true;
      window.removeEventListener('online', prefetch);
    };
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(prefetch, { timeout: 3_000 });
      return () => {
        window.cancelIdleCallback(id);
        stop();
      };
    }
    const timer = setTimeout(prefetch, 1_500);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [loaders]);
}

/** The one place dialogs render; which one is open lives in the dialog store. */
export function DialogHost() {
  const dialog = useOpenDialog();
  const { dialogClosed } = useDialogActions();
  if (!dialog) return null;
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'snooze' ? <SnoozeDialog target={dialog.target} onClose={dialogClosed} /> : null}
      {dialog.kind === 'reassign' ? <ReassignDialog target={dialog.target} onClose={dialogClosed} /> : null}
      {dialog.kind === 'bulk-preview' ? <BulkPreviewDialog plan={dialog.plan} onClose={dialogClosed} /> : null}
      {dialog.kind === 'new-task' ? <NewTaskDialog onClose={dialogClosed} /> : null}
      {dialog.kind === 'detail' ? <TaskDetailDialog task={dialog.task} onClose={dialogClosed} /> : null}
      {dialog.kind === 'shortcuts' ? <ShortcutSheetDialog onClose={dialogClosed} /> : null}
      {dialog.kind === 'palette' ? <CommandPaletteDialog onClose={dialogClosed} /> : null}
      {dialog.kind === 'reply' ? <ReplyDialog task={dialog.task} onClose={dialogClosed} /> : null}
      {dialog.kind === 'complete-note' ? <CompleteWithNoteDialog task={dialog.task} onClose={dialogClosed} /> : null}
    </Suspense>
  );
}
