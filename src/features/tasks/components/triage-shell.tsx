import type { ReactNode } from 'react';
import { OfflineBanner } from '@/components/offline-banner';
import { Toaster } from '@/components/toast/toaster';
import { TaskActionsProvider } from '../hooks/use-task-actions';
import { useCrossTabSync } from '../hooks/use-task-sync';
import { BulkBar } from './bulk-bar';
import { DialogHost } from './dialogs/dialog-host';
import { ViewTabs } from './view-tabs';
import { ViewToolbar } from './view-toolbar';

/**
 * The app around a view: header with the views and their counts, the filters, then the view
 * itself; the bulk bar, dialogs and toasts live here too, so they outlive any one card.
 */
export function TriageShell({ children }: { children: ReactNode }) {
  useCrossTabSync();
  return (
    <TaskActionsProvider>
      <OfflineBanner />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to tasks
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <div className="mx-auto flex max-w-4xl flex-col gap-3 px-3 py-3 sm:px-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h1 className="text-lg font-bold tracking-tight text-slate-900 dark:text-slate-50">Triage</h1>
            <ViewTabs />
          </div>
          <ViewToolbar />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-3 pt-3 pb-28 sm:px-4">
        {children}
      </main>
      <BulkBar />
      <DialogHost />
      <Toaster />
    </TaskActionsProvider>
  );
}
