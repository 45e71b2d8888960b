import { useState } from 'react';
import type { Task } from '@/shared/close/schemas';
import { ModalDialog, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';
import { useTaskActions } from '../../hooks/use-task-actions';
import { taskTitle } from '../../utils/task-title';

/**
 * Complete one task with a note kept with the completion (Shift+E, where the backend keeps one).
 * The note is optional: an empty one completes like `e` does. `e` itself stays one keystroke.
 */
export default function CompleteWithNoteDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const actions = useTaskActions();
  const [note, setNote] = useState('');
  const complete = () => {
    onClose();
    actions.completeWithNote(task, note);
  };
  return (
    <ModalDialog title={`Complete “${taskTitle(task)}”`} isOpen onClose={onClose}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          complete();
        }}
      >
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800 dark:text-slate-200">
          Completion note (optional)
          <textarea
            // The dialog opens to take this note.
            autoFocus
            rows={3}
            maxLength={10_000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                complete();
              }
            }}
            className="w-full resize-y rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON}>
            Complete
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
