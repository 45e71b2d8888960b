import { type KeyboardEvent, useState } from 'react';
import { isEditableTarget } from '@/lib/shortcuts/shortcut-engine';
import { KBD } from '@/components/shortcut-hint';
import { DatePickerField, TimeFieldInput } from '@/components/ui/date-time-fields';
import { ModalDialog, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';
import { useViewChoice } from '../../hooks/use-current-task-view';
import { useTaskActions } from '../../hooks/use-task-actions';
import type { ActionTarget } from '../../stores/dialog-store';
import { useAllMatchingSelected, useSelectedCount } from '../../stores/selection-store';
import { useCapabilities } from '@/lib/capabilities';
import { tryCustomSnoozeDate, describeSnoozeDate, orderSnoozeTargets, snoozeTargets } from '../../utils/snooze-presets';
import { taskTitle } from '../../utils/task-title';

/**
 * Snooze or reschedule: presets computed in the view's zone (and "+1 day" for one task), or a
 * date of one's own with an optional time (no time → a date-only date).
 */
export default function SnoozeDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const { timeZone } = useViewChoice();
  const actions = useTaskActions();
  const selectedCount = useSelectedCount();
  const allMatching = useAllMatchingSelected();
  // Fixed while the dialog is open, so a preset does not change under the pointer.
  const [nowMs] = useState(() => Date.now());
  const [day, setDay] = useState<string | null>(null);
  const [time, setTime] = useState<{ hour: number; minute: number } | null>(null);

  // A backend whose own snooze is "+1 day" (one day past the later of now and the due time) gets
  // that first, on key 1: the same result its snooze gives.
  const oneDayFirst = useCapabilities()?.snoozeDefaultOneDay === true;
  const presets = orderSnoozeTargets(snoozeTargets(nowMs, timeZone, target.kind === 'task' ? target.task.date : undefined), oneDayFirst);
  const title =
    target.kind === 'task'
      ? `Snooze “${taskTitle(target.task)}”`
      : allMatching
        ? 'Snooze all matching tasks'
        : `Snooze ${selectedCount.toLocaleString('en-US')} selected ${selectedCount === 1 ? 'task' : 'tasks'}`;

  const apply = (date: string) => {
    onClose();
    if (target.kind === 'task') actions.snooze(target.task, date);
    else actions.snoozeSelection(date);
  };
  const custom = tryCustomSnoozeDate(day, time, timeZone);

  // 1–5 pick a preset, unless the keys are going into the date or time field.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isEditableTarget(e.target)) return;
    const preset = /^[1-9]$/.test(e.key) ? presets[Number(e.key) - 1] : undefined;
    if (!preset) return;
    e.preventDefault();
    apply(preset.date);
  };

  return (
    <ModalDialog title={title} isOpen onClose={onClose} onKeyDown={onKeyDown}>
      <ul className="flex flex-col gap-1" aria-label="Snooze until">
        {presets.map((preset, i) => (
          <li key={preset.id}>
            <button
              type="button"
              onClick={() => apply(preset.date)}
              aria-keyshortcuts={String(i + 1)}
              className="flex w-full items-center gap-3 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800"
            >
              <span aria-hidden="true" className={KBD}>
                {i + 1}
              </span>
              <span className="font-medium text-slate-900 dark:text-slate-100">{preset.label}</span>
              <span className="ml-auto text-right text-slate-600 dark:text-slate-400">{preset.description}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          if (custom) apply(custom);
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <DatePickerField label="Date" onChange={setDay} />
          <TimeFieldInput label="Time (optional)" onChange={setTime} />
        </div>
        <p className="min-h-5 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {custom ? `Until ${describeSnoozeDate(custom, timeZone)}${time ? '' : ' (all day)'} · ${timeZone.replace(/_/g, ' ')}` : ''}
        </p>
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON} disabled={!custom}>
            Snooze until date
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
