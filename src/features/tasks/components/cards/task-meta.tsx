import { ClockIcon } from '@/components/icons';
import { parseCloseDate } from '@/shared/close/dates';
import type { Task } from '@/shared/close/schemas';
import { formatTaskWhen } from '../../utils/format-when';

function machineDate(date: string): string | undefined {
  const parsed = parseCloseDate(date);
  if (!parsed) return undefined;
  return 'day' in parsed ? parsed.day : new Date(parsed.epochMs).toISOString();
}

function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** When the task is due (relative and absolute, in the chosen zone) and who it is assigned to. */
export function TaskMeta({ task, timeZone, nowMs }: { task: Task; timeZone: string; nowMs: number }) {
  const when = formatTaskWhen(task.date, timeZone, nowMs);
  // A completed task (archive) is done, not late.
  const overdue = when.isOverdue && !task.is_complete;
  const assignee = task.assigned_to_name?.trim();
  const tone = overdue ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400';
  return (
    <p className="flex min-w-0 items-center gap-x-2 overflow-hidden whitespace-nowrap text-xs text-slate-600 dark:text-slate-400">
      <span className={`inline-flex min-w-0 items-center gap-1 ${tone}`} data-overdue={overdue || undefined}>
        <ClockIcon className="size-3.5 shrink-0" />
        {overdue && (
          <span className="rounded bg-red-50 px-1 font-semibold text-red-700 ring-1 ring-red-200 ring-inset dark:bg-red-950/60 dark:text-red-300 dark:ring-red-900">
            Overdue
          </span>
        )}
        {task.date ? (
          <time dateTime={machineDate(task.date)} title={when.absolute} className="truncate">
            <span className="font-medium">{when.relative}</span>
            {when.absolute && (
              <>
                <span aria-hidden="true"> · </span>
                <span className="sr-only">, </span>
                {when.absolute}
              </>
            )}
          </time>
        ) : (
          <span>{when.relative}</span>
        )}
      </span>
      {assignee && (
        <>
          <span aria-hidden="true" className="text-slate-400 dark:text-slate-500">
            ·
          </span>
          <span className="inline-flex min-w-0 items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-flex size-4 shrink-0 items-center justify-center rounded-full bg-slate-200 text-[0.5625rem] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200"
            >
              {initials(assignee)}
            </span>
            <span className="sr-only">Assigned to </span>
            <span className="truncate">{assignee}</span>
          </span>
        </>
      )}
    </p>
  );
}
