/**
 * A shortcut shown next to (or inside) the control it triggers: one <kbd> per step (`G` `I`).
 * Hidden from assistive technology — the control carries `aria-keyshortcuts` instead, and its
 * accessible name stays its label ("Complete", not "Complete E").
 */
import { formatShortcut } from '@/lib/shortcuts/format-shortcut';

export const KBD =
  'inline-flex min-w-5 items-center justify-center rounded border border-slate-300 bg-slate-50 px-1 font-sans text-[0.6875rem] leading-4 font-medium text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200';

export function Keys({ keys, className = '' }: { keys: string; className?: string }) {
  const steps = formatShortcut(keys);
  return (
    <span className={`inline-flex items-center gap-0.5 ${className}`}>
      {steps.map((step, i) => (
        <kbd key={i} className={KBD}>
          {step}
        </kbd>
      ))}
    </span>
  );
}

export function ShortcutHint({ keys, className = '' }: { keys: string | undefined; className?: string }) {
  if (!keys) return null;
  return (
    <span aria-hidden="true" className={className}>
      <Keys keys={keys} />
    </span>
  );
}
