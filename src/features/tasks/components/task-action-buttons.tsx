import type { ReactNode } from 'react';
import type { Task, TaskView } from '@/shared/close/schemas';
import { useCapabilities } from '@/lib/capabilities';
import { ariaKeyShortcuts } from '@/lib/shortcuts/format-shortcut';
import { ShortcutHint } from '@/components/shortcut-hint';
import { useTaskActions } from '../hooks/use-task-actions';
import { type CommandId, shortcutKeys } from '../utils/shortcut-catalog';

export const ACTION_BUTTON =
  'inline-flex min-h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 disabled:opacity-50 dark:text-slate-200 dark:hover:bg-slate-800';

export const LARGE_ACTION_BUTTON =
  'inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';

/** A button with its shortcut: the keys are shown (to sighted keyboard users) and announced. */
export function ShortcutButton({
  command,
  className,
  hintClassName,
  onClick,
  children,
  opensDialog = false,
}: {
  command: CommandId;
  className: string;
  hintClassName: string;
  onClick: () => void;
  children: ReactNode;
  opensDialog?: boolean;
}) {
  const keys = shortcutKeys(command);
  return (
    <button
      type="button"
      className={className}
      onClick={onClick}
      aria-keyshortcuts={ariaKeyShortcuts(keys)}
      aria-haspopup={opensDialog ? 'dialog' : undefined}
    >
      {children}
      <ShortcutHint keys={keys[0]} className={hintClassName} />
    </button>
  );
}

/**
 * Complete (or Reopen in the archive, where the backend can reopen), Reassign and Snooze for one
 * task: the same buttons on a card, in the detail view and in queue mode, each with its shortcut.
 */
export function TaskActionButtons({
  task,
  view,
  large = false,
  hintClassName,
  before,
  after,
  onActed,
}: {
  task: Task;
  view: TaskView;
  large?: boolean;
  hintClassName: string;
  before?: ReactNode;
  after?: ReactNode;
  /** Runs after an action has started (the detail view closes itself). */
  onActed?: () => void;
}) {
  const actions = useTaskActions();
  const canReopen = useCapabilities()?.reopen === true;
  const className = large ? LARGE_ACTION_BUTTON : ACTION_BUTTON;
  const run = (action: () => void) => () => {
    onActed?.();
    action();
  };
  return (
    <>
      {before}
      {view === 'archive' ? (
        canReopen && (
          <ShortcutButton command="complete" className={className} hintClassName={hintClassName} onClick={run(() => actions.reopen(task))}>
            Reopen
          </ShortcutButton>
        )
      ) : (
        <ShortcutButton command="complete" className={className} hintClassName={hintClassName} onClick={run(() => actions.complete(task))}>
          Complete
        </ShortcutButton>
      )}
      <ShortcutButton
        command="reassign"
        opensDialog
        className={className}
        hintClassName={hintClassName}
        onClick={run(() => actions.openReassign({ kind: 'task', task }))}
      >
        Reassign
      </ShortcutButton>
      <ShortcutButton
        command="snooze"
        opensDialog
        className={className}
        hintClassName={hintClassName}
        onClick={run(() => actions.openSnooze({ kind: 'task', task }))}
      >
        Snooze
      </ShortcutButton>
      {after}
    </>
  );
}
