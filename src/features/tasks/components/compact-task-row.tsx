import { memo, useId, useLayoutEffect, useRef } from 'react';
import type { Task } from '@/shared/close/schemas';
import { dialogActions } from '../stores/dialog-store';
import { useFocusActions, useIsTaskFocused, useTakesDomFocus } from '../stores/focus-store';
import { useIsTaskSelected } from '../stores/selection-store';
import { formatTaskWhen } from '../utils/format-when';
import { taskTitle } from '../utils/task-title';
import { TaskTypeIcon } from './cards/task-type-icon';
import type { TaskCardProps } from './task-card';

/** Who it is about, for the row's first column. */
function whoOf(task: Task): string {
  return task.contact_name?.trim() || task.lead_name?.trim() || task.phone_formatted || task.remote_phone_formatted || '';
}

/** What it says, after the title: the preview, the text, the note; never the title again. */
function snippetOf(task: Task, title: string): string {
  const candidates = [task.body_preview, task.text, task.opportunity_note, task.lead_name];
  return candidates.map((c) => c?.replace(/\s+/g, ' ').trim()).find((c) => c && !title.includes(c)) ?? '';
}

/**
 * A task on one line (the compact density): select box, type, who, title, a snippet, when. The
 * same keyboard model as a card (roving tab stop, every shortcut); the title opens the details,
 * where the actions are.
 */
export const CompactTaskRow = memo(function CompactTaskRow({ task, timeZone, nowMs, onSelectClick }: TaskCardProps) {
  const titleId = useId();
  const rowRef = useRef<HTMLElement>(null);
  const selected = useIsTaskSelected(task.id);
  const focused = useIsTaskFocused(task.id);
  const takesDomFocus = useTakesDomFocus(task.id);
  const { taskFocused, domFocusTaken } = useFocusActions();
  const title = taskTitle(task);
  const when = formatTaskWhen(task.date, timeZone, nowMs);
  const overdue = when.isOverdue && !task.is_complete;

  useLayoutEffect(() => {
    if (!takesDomFocus) return;
    rowRef.current?.focus({ preventScroll: true });
    domFocusTaken(task.id);
  }, [takesDomFocus, task.id, domFocusTaken]);

  return (
    <article
      ref={rowRef}
      aria-labelledby={titleId}
      tabIndex={focused ? 0 : -1}
      data-task-id={task.id}
      data-focused={focused || undefined}
      data-density="compact"
      onFocusCapture={() => taskFocused(task.id)}
      onPointerDown={() => taskFocused(task.id)}
      className={`flex h-9 items-center gap-2 border-b px-2 text-sm outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 ${
        selected ? 'bg-sky-50 dark:bg-sky-950/40' : 'bg-white dark:bg-slate-900'
      } ${focused ? 'ring-2 ring-sky-500/60 ring-inset' : ''} border-slate-200 dark:border-slate-800`}
    >
      <input
        type="checkbox"
        aria-label="Select"
        aria-keyshortcuts="X"
        className="size-4 shrink-0 accent-sky-600"
        checked={selected}
        onChange={noop}
        onClick={(e) => onSelectClick(task.id, e.shiftKey)}
      />
      <TaskTypeIcon type={task._type} className="size-4 shrink-0 text-slate-600 dark:text-slate-400" />
      <span className="w-36 shrink-0 truncate text-slate-800 dark:text-slate-200">{whoOf(task)}</span>
      <h3 id={titleId} className="min-w-0 shrink truncate font-semibold text-slate-900 dark:text-slate-50">
        <button
          type="button"
          aria-haspopup="dialog"
          title={title}
          onClick={() => dialogActions().dialogOpened({ kind: 'detail', task })}
          className="max-w-full truncate text-left hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          {title}
        </button>
      </h3>
      <span className="min-w-0 flex-1 truncate text-slate-600 dark:text-slate-400">{snippetOf(task, title)}</span>
      <time
        title={when.absolute}
        className={`shrink-0 text-xs tabular-nums ${overdue ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
      >
        {when.relative}
      </time>
    </article>
  );
});

function noop() {}
