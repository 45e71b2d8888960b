import { useQuery } from '@tanstack/react-query';
import { ShortcutHint } from '@/components/shortcut-hint';
import { useCapabilities } from '@/lib/capabilities';
import { taskQueries } from '../api/task-keys';
import { useAllMatchingSelected, useSelectedCount, useSelectionActions } from '../stores/selection-store';
import type { TaskListFilters } from '../utils/task-view-rules';
import { formatCount } from './view-tabs';

const HINT = 'hidden pointer-fine:inline-flex';
const LINK_BUTTON =
  'inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 font-medium text-sky-800 hover:bg-sky-50 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300 dark:hover:bg-sky-950';

/**
 * Above the list: select everything loaded, or everything the view matches on the server
 * ("Select all 312 matching this view"), and say what is selected. Fixed height: no jump.
 */
export function SelectionHeader({
  filters,
  loadedIds,
  narrowedOnScreen = false,
}: {
  filters: TaskListFilters;
  loadedIds: readonly string[];
  /** The list on screen is narrower than the server's filters (the priority filter): "all matching" would reach tasks not shown. */
  narrowedOnScreen?: boolean;
}) {
  const selected = useSelectedCount();
  const allMatching = useAllMatchingSelected();
  const { allLoadedSelected, allMatchingSelected, selectionCleared } = useSelectionActions();
  const count = useQuery(taskQueries.count(filters)).data;
  // A whole view is changed in one request only where the backend can (`bulkByFilter`).
  const canSelectMatching = useCapabilities()?.bulkByFilter === true && !narrowedOnScreen;
  const matching = count ? formatCount(count) : null;

  return (
    <div className="flex min-h-9 flex-wrap items-center gap-x-2 pb-1 text-sm text-slate-700 dark:text-slate-300" data-testid="selection-header">
      {selected === 0 ? (
        <button type="button" className={LINK_BUTTON} onClick={() => allLoadedSelected(loadedIds)}>
          Select all loaded ({loadedIds.length.toLocaleString('en-US')})
          <ShortcutHint keys="* a" className={HINT} />
        </button>
      ) : allMatching ? (
        <span aria-live="polite">All {matching ?? ''} matching tasks selected</span>
      ) : (
        <>
          <span aria-live="polite">{selected.toLocaleString('en-US')} selected</span>
          {selected < loadedIds.length ? (
            <button type="button" className={LINK_BUTTON} onClick={() => allLoadedSelected(loadedIds)}>
              Select all loaded ({loadedIds.length.toLocaleString('en-US')})
            </button>
          ) : null}
        </>
      )}
      {selected > 0 && !allMatching && canSelectMatching ? (
        <button type="button" className={LINK_BUTTON} onClick={() => allMatchingSelected(loadedIds)}>
          Select all {matching ?? ''} matching this view
        </button>
      ) : null}
      {selected > 0 ? (
        <button type="button" className={LINK_BUTTON} onClick={selectionCleared} aria-keyshortcuts="Escape">
          Clear selection
          <ShortcutHint keys="Escape" className={HINT} />
        </button>
      ) : null}
    </div>
  );
}
