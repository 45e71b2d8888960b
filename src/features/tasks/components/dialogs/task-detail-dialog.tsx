import { useMemo, useState } from 'react';
import type { Task } from '@/shared/close/schemas';
import { getAudioPlayer } from '@/components/audio-player-registry';
import { ModalDialog, SECONDARY_BUTTON } from '@/components/ui/modal';
import { useCapabilities } from '@/lib/capabilities';
import { createShortcutEngine } from '@/lib/shortcuts/shortcut-engine';
import { useCurrentView, useViewChoice } from '../../hooks/use-current-task-view';
import { useTaskActions } from '../../hooks/use-task-actions';
import { dialogActions } from '../../stores/dialog-store';
import { moveTaskFocus } from '../../stores/focus-store';
import { shortcutKeys } from '../../utils/shortcut-catalog';
import { offeredReplyTarget } from '../../utils/reply-target';
import { taskTitle } from '../../utils/task-title';
import { TaskCardBody } from '../cards/task-card-body';
import { EmailThread } from '../email/email-thread';
import { TaskActionButtons } from '../task-action-buttons';

/**
 * One task, large: its whole body and its actions (Enter / o on a card). The card's shortcuts
 * work here too; j / k show the next or previous task in place. Escape closes, and focus goes
 * back to the card.
 */
export default function TaskDetailDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const view = useCurrentView();
  const { timeZone } = useViewChoice();
  const actions = useTaskActions();
  const capabilities = useCapabilities();
  const [nowMs] = useState(() => Date.now());

  // Keys inside the dialog, where the app-wide layer is silent.
  const keys = useMemo(() => {
    const engine = createShortcutEngine({ isBlocked: () => false });
    const show = (delta: number) => {
      const next = moveTaskFocus(delta);
      if (next && next.id !== task.id) dialogActions().dialogOpened({ kind: 'detail', task: next });
    };
    const player = (run: (p: NonNullable<ReturnType<typeof getAudioPlayer>>) => void) => () => {
      const handle = getAudioPlayer(task.id);
      if (!handle) return false;
      run(handle);
    };
    engine.addLayer([
      {
        keys: shortcutKeys('complete'),
        handler: () => {
          if (view === 'archive' && capabilities?.reopen !== true) return false;
          onClose();
          if (view === 'archive') actions.reopen(task);
          else actions.complete(task);
        },
      },
      { keys: shortcutKeys('snooze'), handler: () => actions.openSnooze({ kind: 'task', task }) },
      { keys: shortcutKeys('reassign'), handler: () => actions.openReassign({ kind: 'task', task }) },
      {
        keys: shortcutKeys('reply'),
        handler: () => {
          if (!offeredReplyTarget(task, capabilities)) return false;
          dialogActions().dialogOpened({ kind: 'reply', task });
        },
      },
      { keys: ['j', 'ArrowDown'], handler: () => show(1) },
      { keys: ['k', 'ArrowUp'], handler: () => show(-1) },
      { keys: shortcutKeys('play'), handler: player((p) => p.toggle()) },
      { keys: shortcutKeys('slower'), handler: player((p) => p.slower()), repeat: true },
      { keys: shortcutKeys('faster'), handler: player((p) => p.faster()), repeat: true },
    ]);
    return engine;
  }, [task, view, actions, onClose, capabilities]);

  return (
    <ModalDialog title={taskTitle(task)} isOpen onClose={onClose} width="max-w-2xl" onKeyDown={(e) => keys.handleKeyDown(e.nativeEvent)}>
      <div className="flex flex-col gap-4">
        <div className="text-base [&_p]:text-[0.9375rem]">
          <TaskCardBody task={task} timeZone={timeZone} nowMs={nowMs} />
        </div>
        {task._type === 'incoming_email' && capabilities?.activities.email && <EmailThread task={task} timeZone={timeZone} />}
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <TaskActionButtons task={task} view={view} large hintClassName="hidden pointer-fine:inline-flex" onActed={onClose} />
          {capabilities?.completionNote && view !== 'archive' && (
            <button type="button" className={SECONDARY_BUTTON} aria-haspopup="dialog" aria-keyshortcuts="Shift+E" onClick={() => dialogActions().dialogOpened({ kind: 'complete-note', task })}>
              Complete with note…
            </button>
          )}
          {offeredReplyTarget(task, capabilities) && (
            <button type="button" className={SECONDARY_BUTTON} aria-keyshortcuts="R" onClick={() => dialogActions().dialogOpened({ kind: 'reply', task })}>
              Reply
            </button>
          )}
          <button type="button" className={`${SECONDARY_BUTTON} ml-auto`} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
