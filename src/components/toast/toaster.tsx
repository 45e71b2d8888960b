import { useEffect, useRef, useState } from 'react';
import { type Toast, useToastActions, useToasts } from './toast-store';

/**
 * Renders toasts in two live regions: a polite one for confirmations ("Task completed · Undo")
 * and one whose toasts are role="alert" for failures. The regions are always in the page, so
 * assistive technology hears what is added to them. A toast's timer pauses while the pointer or
 * focus is on it, so there is time to reach Undo.
 */
export function Toaster() {
  const toasts = useToasts();
  const info = toasts.filter((t) => t.tone !== 'error');
  const errors = toasts.filter((t) => t.tone === 'error');
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-3 sm:items-end sm:p-4">
      <div className="flex w-full max-w-md flex-col gap-2" data-testid="error-toasts">
        {errors.map((t) => (
          <ToastView key={t.id} toast={t} />
        ))}
      </div>
      <div aria-live="polite" aria-atomic="false" className="flex w-full max-w-md flex-col gap-2" data-testid="toasts">
        {info.map((t) => (
          <ToastView key={t.id} toast={t} />
        ))}
      </div>
    </div>
  );
}

const TONE_CLASSES: Record<Toast['tone'], string> = {
  info: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
  success: 'border-slate-300 bg-slate-900 text-white dark:border-slate-600 dark:bg-slate-100 dark:text-slate-900',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

function ToastView({ toast }: { toast: Toast }) {
  const { toastDismissed } = useToastActions();
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.durationMs);

  useEffect(() => {
    if (remaining.current === null || paused) return;
    const started = Date.now();
    const timer = window.setTimeout(() => toastDismissed(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      if (remaining.current !== null) remaining.current = Math.max(1_000, remaining.current - (Date.now() - started));
    };
  }, [paused, toast.id, toastDismissed]);

  return (
    <div
      role={toast.tone === 'error' ? 'alert' : undefined}
      className={`pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${TONE_CLASSES[toast.tone]}`}
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <p className="min-w-0 flex-1 break-words">
        {toast.message}
        {toast.srHint ? <span className="sr-only"> {toast.srHint}</span> : null}
      </p>
      {toast.action ? (
        <button
          type="button"
          aria-keyshortcuts={toast.action.keyShortcuts}
          className="shrink-0 rounded px-2 py-0.5 font-semibold underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current"
          onClick={() => {
            toast.action?.onAction();
            toastDismissed(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss"
        className="shrink-0 rounded px-1 opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
        onClick={() => toastDismissed(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
