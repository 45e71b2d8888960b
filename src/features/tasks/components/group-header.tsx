import { type TaskGroup, groupCountLabel } from '../utils/group-tasks';

/** A section heading in the list: "Today 12", "Overdue 40+" (more may be beyond what is loaded). */
export function GroupHeader({ group }: { group: TaskGroup }) {
  const count = groupCountLabel(group);
  return (
    <h2
      className="flex h-10 items-center gap-2 bg-slate-50/95 px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase backdrop-blur dark:bg-slate-950/95 dark:text-slate-300"
      data-group-key={group.key}
    >
      <span className={group.key === 'overdue' ? 'text-red-700 dark:text-red-400' : undefined}>{group.label}</span>
      <span className="rounded-full bg-slate-200 px-2 py-0.5 text-[0.6875rem] tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-200">
        {count}
        <span className="sr-only">{group.complete ? (count === '1' ? ' task' : ' tasks') : ' tasks loaded, more below'}</span>
      </span>
    </h2>
  );
}
