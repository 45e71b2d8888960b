import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ModalDialog, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';
import { listTaskSnapshots } from '../../api/list-tasks';
import { useCurrentTaskFilters } from '../../hooks/use-current-task-view';
import { useTaskActions } from '../../hooks/use-task-actions';
import { type BulkPlan, bulkSummary } from '../../utils/bulk-plan';

/**
 * "All N matching this view": before anything is sent, count exactly what will change (and keep
 * each task's previous values for Undo), then confirm.
 */
export default function BulkPreviewDialog({ plan, onClose }: { plan: BulkPlan; onClose: () => void }) {
  const filters = useCurrentTaskFilters();
  const actions = useTaskActions();
  const [loaded, setLoaded] = useState(0);
  const preview = useQuery({
    queryKey: ['task-preview', filters, plan],
    queryFn: ({ signal }) => listTaskSnapshots(filters!, { signal, onProgress: setLoaded }),
    enabled: Boolean(filters),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const count = preview.data?.length ?? 0;
  const zone = filters?.timeZone ?? 'UTC';
  const verb = { complete: 'Complete', reopen: 'Reopen', reassign: 'Reassign', snooze: 'Snooze' }[plan.action];

  return (
    <ModalDialog title="Change every task in this view?" isOpen onClose={onClose}>
      <div aria-live="polite" className="min-h-12 text-sm text-slate-700 dark:text-slate-300">
        {preview.isPending ? (
          <p>Counting matching tasks… {loaded > 0 ? loaded.toLocaleString('en-US') : ''}</p>
        ) : preview.isError ? (
          <p role="alert" className="text-red-700 dark:text-red-400">
            Couldn't count the tasks: {preview.error.message}
          </p>
        ) : count === 0 ? (
          <p>No tasks match this view any more. Nothing will change.</p>
        ) : (
          <p data-testid="bulk-preview-summary">
            {bulkSummary(plan, count, zone).replace(/^([\d,]+ tasks?) /, '$1 will be ')}. Undo will put every one back.
          </p>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={PRIMARY_BUTTON}
          disabled={!preview.data || count === 0 || !filters}
          onClick={() => {
            if (!preview.data || !filters) return;
            onClose();
            void actions.applyPlanToView(plan, preview.data, filters);
          }}
        >
          {verb} {count.toLocaleString('en-US')} {count === 1 ? 'task' : 'tasks'}
        </button>
      </div>
    </ModalDialog>
  );
}
