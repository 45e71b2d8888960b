import { Suspense, lazy, useEffect } from 'react';
import { useDialogActions, useOpenDialog } from '../../stores/dialog-store';

// Each dialog (and react-aria with it) is its own chunk, fetched when the browser is idle after
// the first paint, so opening one is instant without weighing on the first load.
const loadSnooze = () => import('./snooze-dialog');
const loadReassign = () => import('./reassign-dialog');
const loadBulkPreview = () => import('./bulk-preview-dialog');
const loadNewTask = () => import('./new-task-dialog');

const SnoozeDialog = lazy(loadSnooze);
const ReassignDialog = lazy(loadReassign);
const BulkPreviewDialog = lazy(loadBulkPreview);
const NewTaskDialog = lazy(loadNewTask);

function usePrefetchDialogs() {
  useEffect(() => {
    const prefetch = () => {
      for (const load of [loadSnooze, loadReassign, loadBulkPreview, loadNewTask]) void load().catch(() => {});
    };
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(prefetch, { timeout: 3_000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(prefetch, 1_500);
    return () => clearTimeout(timer);
  }, []);
}

/** The one place dialogs render; which one is open lives in the dialog store. */
export function DialogHost() {
  const dialog = useOpenDialog();
  const { dialogClosed } = useDialogActions();
  usePrefetchDialogs();
  if (!dialog) return null;
  return (
    <Suspense fallback={null}>
      {dialog.kind === 'snooze' ? <SnoozeDialog target={dialog.target} onClose={dialogClosed} /> : null}
      {dialog.kind === 'reassign' ? <ReassignDialog target={dialog.target} onClose={dialogClosed} /> : null}
      {dialog.kind === 'bulk-preview' ? <BulkPreviewDialog plan={dialog.plan} onClose={dialogClosed} /> : null}
      {dialog.kind === 'new-task' ? <NewTaskDialog onClose={dialogClosed} /> : null}
    </Suspense>
  );
}
