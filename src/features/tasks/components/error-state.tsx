/** A list that could not load: what went wrong, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <div role="alert" className="flex min-h-[320px] flex-col items-center justify-center gap-3 rounded-lg border border-red-200 bg-red-50 px-6 text-center dark:border-red-900 dark:bg-red-950/40">
      <h2 className="text-lg font-semibold text-red-900 dark:text-red-100">Couldn't load tasks</h2>
      <p className="max-w-md text-sm text-red-800 dark:text-red-200">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md bg-red-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        Try again
      </button>
    </div>
  );
}
