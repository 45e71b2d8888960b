/** Grey cards the size of real ones, so nothing jumps when the list arrives. */
export function TaskListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-2" data-testid="task-list-skeleton">
      <span role="status" className="sr-only">
        Loading tasks…
      </span>
      <div className="h-10 w-32 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-[128px] animate-pulse rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" />
      ))}
    </div>
  );
}
