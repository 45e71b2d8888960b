import { type ReactNode, Suspense, lazy } from 'react';
import { OfflineBanner } from '@/components/offline-banner';
import { ShortcutHint } from '@/components/shortcut-hint';
import { ThemeSelect } from '@/components/theme-select';
import { Toaster } from '@/components/toast/toaster';
import { useFirstViewLoaded } from '@/components/use-after-first-view';
import { TaskActionsProvider } from '../hooks/use-task-actions';
import { useCrossTabSync } from '../hooks/use-task-sync';
import { SavingIndicator, UnsavedChanges } from '../outbox/saving-indicator';
import { useTaskOutbox } from '../outbox/use-task-outbox';
import { dialogActions } from '../stores/dialog-store';
import { useBulkProgress } from '../stores/bulk-progress-store';
import { useSelectedCount } from '../stores/selection-store';
import { DensitySelect } from './density-select';
import { DIALOG_CHUNKS, DialogHost, usePrefetchWhenIdle } from './dialogs/dialog-host';
import { ViewTabs } from './view-tabs';
import { ViewToolbar } from './view-toolbar';

// The shortcut engine and its commands load right after the first render, outside the first bundle.
const KeyboardLayer = lazy(() => import('./keyboard-layer'));
const loadBulkBar = () => import('./bulk-bar');
const BulkBar = lazy(loadBulkBar);
const IDLE_CHUNKS = [loadBulkBar, ...DIALOG_CHUNKS];
const NO_CHUNKS: typeof IDLE_CHUNKS = [];

/** The bulk bar, once there is something selected or a bulk change running. */
function BulkBarSlot() {
  const selected = useSelectedCount();
  const progress = useBulkProgress();
  if (selected === 0 && !progress) return null;
  return (
    <Suspense fallback={null}>
      <BulkBar />
    </Suspense>
  );
}

/**
 * The app around a view: header with the views and their counts, the filters, then the view
 * itself; the bulk bar, dialogs, toasts and the keyboard layer live here too, so they outlive
 * any one card. `account` (the signed-in person's menu) and `nav` come from the app, which
 * composes features.
 */
export function TriageShell({
  children,
  account,
  nav,
  taskView = true,
}: {
  children: ReactNode;
  account?: ReactNode;
  /** Links to the app's other pages (the manager's desk), after the views. */
  nav?: ReactNode;
  /** False on a page that is not a task view: no view is current and the view filters are hidden. */
  taskView?: boolean;
}) {
  useCrossTabSync();
  useTaskOutbox();
  // The dialogs' chunks (react-aria among them) wait for the first view: with a slow load the
  // shell shows the skeleton, and an idle moment there would fetch them ahead of the list.
  usePrefetchWhenIdle(useFirstViewLoaded() ? IDLE_CHUNKS : NO_CHUNKS);
  return (
    <TaskActionsProvider>
      <OfflineBanner />
      <UnsavedChanges />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 focus:shadow"
      >
        Skip to tasks
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-4xl flex-col gap-3 px-3 py-3 sm:px-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h1 className="text-lg font-bold tracking-tight text-slate-900 dark:text-slate-50">Triage</h1>
            <div className="flex flex-wrap items-center gap-1">
              <ViewTabs inView={taskView} />
              {nav}
            </div>
            <div className="flex flex-wrap items-center gap-1">
              <SavingIndicator />
              <button
                type="button"
                aria-haspopup="dialog"
                aria-keyshortcuts="?"
                onClick={() => dialogActions().dialogOpened({ kind: 'shortcuts' })}
                className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm pointer-coarse:hidden font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                Shortcuts
                <ShortcutHint keys="?" className="hidden pointer-fine:inline-flex" />
              </button>
              <DensitySelect />
              <ThemeSelect />
              {account}
            </div>
          </div>
          {taskView ? <ViewToolbar /> : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-3 pt-3 pb-28 outline-none sm:px-4">
        {children}
      </main>
      <BulkBarSlot />
      <DialogHost />
      <Toaster />
      <Suspense fallback={null}>
        <KeyboardLayer />
      </Suspense>
    </TaskActionsProvider>
  );
}
