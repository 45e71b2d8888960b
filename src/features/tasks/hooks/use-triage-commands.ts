/**
 * What each shortcut and palette command does. Every command acts on the selection when there is
 * one, else on the focused task, through the same `TaskActions` as the buttons, so a key and a
 * click can never behave differently. A command returns false when it had nothing to act on
 * (the key then keeps its default: Space still scrolls a page without a voicemail).
 */
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef } from 'react';
import type { TaskView } from '@/shared/close/schemas';
import { getAudioPlayer } from '@/components/audio-player-registry';
import { useCapabilities } from '@/lib/capabilities';
import { themeChosen } from '@/lib/theme';
import { dialogActions } from '../stores/dialog-store';
import { focusActions, focusedTaskNow, moveTaskFocus, visibleTasksNow } from '../stores/focus-store';
import { selectionActions, selectionSnapshot } from '../stores/selection-store';
import { typeFilterActions } from '../stores/type-filter-store';
import { latestUndoEntry } from '../stores/undo-store';
import { toggledPriority } from '../utils/priority-filter';
import { offeredReplyTarget } from '../utils/reply-target';
import type { CommandId } from '../utils/shortcut-catalog';
import { VIEW_PATHS, useCurrentView } from './use-current-task-view';
import { useTaskActions } from './use-task-actions';

export type CommandRunner = (event?: KeyboardEvent) => boolean | void;
export type TriageCommands = Record<CommandId, CommandRunner>;

const hasSelection = () => {
  const { ids, allMatching } = selectionSnapshot();
  return allMatching || ids.size > 0;
};

export function useTriageCommands(): TriageCommands {
  const actions = useTaskActions();
  const navigate = useNavigate();
  const view = useCurrentView();
  const capabilities = useCapabilities();
  const latest = useRef<{ view: TaskView; navigate: typeof navigate; capabilities: typeof capabilities }>({ view, navigate, capabilities });
  latest.current = { view, navigate, capabilities };

  return useMemo<TriageCommands>(() => {
    const goTo = (to: '/inbox' | '/future' | '/archive' | '/queue' | '/team') =>
      void latest.current.navigate({ to, search: (prev: Record<string, unknown>) => prev } as never);

    /** One step of Shift+J / Shift+K: the focused task and the next one end up selected. */
    const extend = (delta: number) => {
      const from = focusedTaskNow();
      const { ids } = selectionSnapshot();
      if (from && !ids.has(from.id)) selectionActions().taskToggled(from.id);
      const to = moveTaskFocus(delta);
      if (to && to.id !== from?.id && !selectionSnapshot().ids.has(to.id)) selectionActions().taskToggled(to.id);
    };

    const withFocused = (run: (task: NonNullable<ReturnType<typeof focusedTaskNow>>) => void) => () => {
      const task = focusedTaskNow();
      if (!task) return false;
      run(task);
      return true;
    };

    const player = (run: (p: NonNullable<ReturnType<typeof getAudioPlayer>>) => void) => () => {
      const task = focusedTaskNow();
      const handle = task ? getAudioPlayer(task.id) : undefined;
      if (!handle) return false;
      run(handle);
      return true;
    };

    return {
      next: () => void moveTaskFocus(1),
      previous: () => void moveTaskFocus(-1),
      open: withFocused((task) => dialogActions().dialogOpened({ kind: 'detail', task })),
      close: () => {
        if (!hasSelection()) return false;
        selectionActions().selectionCleared();
        return true;
      },
      complete: () => {
        const archive = latest.current.view === 'archive';
        // A backend that cannot reopen leaves the archive read-only: the key does nothing there.
        if (archive && latest.current.capabilities?.reopen !== true) return false;
        if (hasSelection()) {
          if (archive) actions.reopenSelection();
          else actions.completeSelection();
          return true;
        }
        return withFocused((task) => (archive ? actions.reopen(task) : actions.complete(task)))();
      },
      'complete-note': () => {
        if (latest.current.view === 'archive' || latest.current.capabilities?.completionNote !== true) return false;
        return withFocused((task) => dialogActions().dialogOpened({ kind: 'complete-note', task }))();
      },
      // One task at a time (the focused one): a selection keeps its tasks' priorities.
      priority: () => {
        if (latest.current.capabilities?.priority !== true || hasSelection()) return false;
        return withFocused((task) => actions.setPriority(task, toggledPriority(task)))();
      },
      snooze: () => {
        if (hasSelection()) {
          actions.openSnooze({ kind: 'selection' });
          return true;
        }
        return withFocused((task) => actions.openSnooze({ kind: 'task', task }))();
      },
      reassign: () => {
        if (hasSelection()) {
          actions.openReassign({ kind: 'selection' });
          return true;
        }
        return withFocused((task) => actions.openReassign({ kind: 'task', task }))();
      },
      reply: () => {
        const task = focusedTaskNow();
        if (!task || !offeredReplyTarget(task, latest.current.capabilities)) return false;
        dialogActions().dialogOpened({ kind: 'reply', task });
        return true;
      },
      undo: () => {
        // After undoing one task's change, the keyboard carries on from that task.
        const only = latestUndoEntry()?.restore;
        actions.undo();
        if (only?.length === 1) focusActions().taskFocusMoved(only[0]!.id);
      },
      // Queue mode binds its own; in the list there is nothing to skip.
      skip: () => false,
      'new-task': () => actions.openNewTask(),
      select: withFocused((task) => selectionActions().taskToggled(task.id)),
      'extend-down': () => extend(1),
      'extend-up': () => extend(-1),
      'select-all': () => {
        const ids = visibleTasksNow().map((t) => t.id);
        if (ids.length === 0) return false;
        selectionActions().allLoadedSelected(ids);
        return true;
      },
      'select-none': () => selectionActions().selectionCleared(),
      'go-inbox': () => goTo(VIEW_PATHS.inbox),
      'go-future': () => goTo(VIEW_PATHS.future),
      'go-archive': () => goTo(VIEW_PATHS.archive),
      'go-team': () => goTo('/team'),
      'start-queue': () => {
        focusActions().focusCleared();
        goTo('/queue');
      },
      'filter-types': () => typeFilterActions().typeFilterRequested(),
      play: player((p) => p.toggle()),
      slower: player((p) => p.slower()),
      faster: player((p) => p.faster()),
      shortcuts: () => dialogActions().dialogOpened({ kind: 'shortcuts' }),
      palette: () => dialogActions().dialogOpened({ kind: 'palette' }),
      'theme-light': () => themeChosen('light'),
      'theme-dark': () => themeChosen('dark'),
      'theme-system': () => themeChosen('system'),
    };
  }, [actions]);
}
