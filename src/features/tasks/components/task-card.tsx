import { memo, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Task, TaskView } from '@/shared/close/schemas';
import { useTaskActions } from '../hooks/use-task-actions';
import { dialogActions } from '../stores/dialog-store';
import { useFocusActions, useIsTaskFocused, useTakesDomFocus } from '../stores/focus-store';
import { useIsTaskSelected } from '../stores/selection-store';
import { taskTitle } from '../utils/task-title';
import { TaskCardBody } from './cards/task-card-body';
import { PriorityBadge } from './priority-badge';
import { PriorityButton } from './priority-button';
import { SequenceStepBadge } from './sequence-step-badge';
import { MessageSendStatus } from './reply/send-status';
import { ACTION_BUTTON, ShortcutButton, TaskActionButtons } from './task-action-buttons';

export type TaskCardProps = {
  task: Task;
  view: TaskView;
  timeZone: string;
  nowMs: number;
  /** Stable across renders: the list passes one callback that knows the list's order. */
  onSelectClick: (taskId: string, shiftKey: boolean) => void;
};

/** Shortcut hints show on the focused card and under the pointer, where a mouse is used. */
const CARD_HINT = 'hidden pointer-fine:group-hover/card:inline-flex pointer-fine:group-data-[focused]/card:inline-flex';

/**
 * The frame every task shares: an article named by the task's title, a Select box, the type's
 * own body, and the actions. Memoized on the task object, so changing one task (or focusing or
 * selecting one) re-renders that card only. The focused card is the one tab stop among the
 * cards (roving tabindex) and takes the browser's focus when the keyboard moves to it.
 * No CSS transition on the card: React Aria moves focus into a dialog opened by Enter on a button
 * only after every running transition ends, and by then the page behind is inert, so a fading
 * focus ring would leave the dialog without focus.
 */
export const TaskCard = memo(function TaskCard({ task, view, timeZone, nowMs, onSelectClick }: TaskCardProps) {
  const titleId = useId();
  const articleRef = useRef<HTMLElement>(null);
  const actions = useTaskActions();
  const selected = useIsTaskSelected(task.id);
  const focused = useIsTaskFocused(task.id);
  const takesDomFocus = useTakesDomFocus(task.id);
  const { taskFocused, domFocusTaken } = useFocusActions();
  const [editing, setEditing] = useState(false);
  const title = taskTitle(task);
  // A task that carries the backend's own note (Outreach) edits that note, whatever its type;
  // otherwise only a lead task's text is editable (Close refuses text on the other types).
  const hasNote = task.note !== undefined;
  const canEditText = hasNote || task._type === 'lead';

  useLayoutEffect(() => {
    if (!takesDomFocus) return;
    // The virtual list scrolls the card into view; the browser must not scroll it a second time.
    articleRef.current?.focus({ preventScroll: true });
    domFocusTaken(task.id);
  }, [takesDomFocus, task.id, domFocusTaken]);

  return (
    <article
      ref={articleRef}
      aria-labelledby={titleId}
      tabIndex={focused ? 0 : -1}
      data-task-id={task.id}
      data-focused={focused || undefined}
      onFocusCapture={() => taskFocused(task.id)}
      onPointerDown={() => taskFocused(task.id)}
      className={`group/card rounded-lg border bg-white shadow-xs outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-slate-900 ${
        selected
          ? 'border-sky-400 bg-sky-50/60 dark:border-sky-600 dark:bg-sky-950/40'
          : 'border-slate-200 dark:border-slate-800'
      } ${focused ? 'ring-2 ring-sky-500/60' : ''}`}
    >
      <div className="flex gap-3 px-3 pt-3">
        <input
          type="checkbox"
          aria-label="Select"
          aria-keyshortcuts="X"
          className="mt-1 size-4 shrink-0 accent-sky-600"
          checked={selected}
          onChange={noop}
          onClick={(e) => onSelectClick(task.id, e.shiftKey)}
        />
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <h3 id={titleId} className="truncate text-[0.9375rem] font-semibold text-slate-900 dark:text-slate-50" title={title}>
              {title}
            </h3>
            <PriorityBadge task={task} />
            <SequenceStepBadge task={task} />
          </div>
          {editing && canEditText ? (
            <TaskTextEditor
              initial={hasNote ? (task.note ?? '') : (task.text ?? '')}
              label={hasNote ? 'Note' : 'Task text'}
              onDone={() => setEditing(false)}
              onSave={(text) => {
                setEditing(false);
                void (hasNote ? actions.editNote(task, text) : actions.editText(task, text));
              }}
            />
          ) : null}
          <div className="mt-1">
            <TaskCardBody task={task} timeZone={timeZone} nowMs={nowMs} />
          </div>
          <MessageSendStatus task={task} />
        </div>
      </div>
      <CardActions task={task} view={view} canEdit={canEditText && !editing} editLabel={hasNote ? 'Edit note' : 'Edit'} onEdit={setEditing} />
    </article>
  );
});

/**
 * The card's buttons, apart from the frame: focusing or selecting a card re-renders its frame
 * (ring, tab stop, checkbox), not these.
 */
const CardActions = memo(function CardActions({
  task,
  view,
  canEdit,
  editLabel,
  onEdit,
}: {
  task: Task;
  view: TaskView;
  canEdit: boolean;
  editLabel: string;
  onEdit: (editing: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1 px-2 pt-1 pb-2 pl-9">
      <TaskActionButtons
        task={task}
        view={view}
        hintClassName={CARD_HINT}
        after={
          <>
            <ShortcutButton
              command="open"
              opensDialog
              className={ACTION_BUTTON}
              hintClassName={CARD_HINT}
              onClick={() => dialogActions().dialogOpened({ kind: 'detail', task })}
            >
              Details
            </ShortcutButton>
            <PriorityButton task={task} className={ACTION_BUTTON} hintClassName={CARD_HINT} />
            {canEdit ? (
              <button type="button" className={ACTION_BUTTON} onClick={() => onEdit(true)}>
                {editLabel}
              </button>
            ) : null}
          </>
        }
      />
    </div>
  );
});

function noop() {}

function TaskTextEditor({ initial, label, onSave, onDone }: { initial: string; label: string; onSave: (text: string) => void; onDone: () => void }) {
  const [text, setText] = useState(initial);
  const unchanged = text.trim() === initial.trim();
  const save = () => {
    if (text.trim() === '') return;
    if (unchanged) onDone();
    else onSave(text.trim());
  };
  return (
    <form
      className="mt-2 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <textarea
        aria-label={label}
        // Editing starts from a button press; the field is what the user asked for.
        autoFocus
        rows={2}
        value={text}
        maxLength={10_000}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onDone();
          }
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            save();
          }
        }}
        className="w-full resize-y rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      {text.trim() === '' ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          The {label.toLowerCase()} can't be empty.
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50" disabled={text.trim() === ''}>
          Save
        </button>
        <button type="button" className="rounded-md px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
