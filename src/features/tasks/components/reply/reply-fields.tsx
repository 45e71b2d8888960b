/** Pieces both reply forms use: the template picker, the "complete" checkbox, the buttons. */
import { type ReactNode, useId } from 'react';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';

export const FIELD_CLASS =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-700 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100';
export const LABEL_CLASS = 'text-sm font-medium text-slate-800 dark:text-slate-200';

/** Choosing a template inserts it (the picker goes back to its prompt, ready for another). */
export function TemplatePicker({ templates, onInsert }: { templates: ReadonlyArray<{ id: string; name: string }> | undefined; onInsert: (id: string) => void }) {
  const id = useId();
  if (!templates || templates.length === 0) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={LABEL_CLASS}>
        Template
      </label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          if (e.target.value) onInsert(e.target.value);
        }}
        className={`${FIELD_CLASS} w-auto py-1`}
      >
        <option value="">Insert a template…</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CompleteCheckbox({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-sky-700" />
      Complete the task when it’s sent
    </label>
  );
}

export function ReplyButtons({ onCancel, canSend, extra }: { onCancel: () => void; canSend: boolean; extra?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
      {extra}
      <button type="button" className={`${SECONDARY_BUTTON} ml-auto`} onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className={PRIMARY_BUTTON} disabled={!canSend} aria-keyshortcuts="Control+Enter Meta+Enter">
        Send
      </button>
    </div>
  );
}

/** Inserts `text` at the textarea's cursor (or its end), and puts the cursor after it. */
export function insertAtCursor(area: HTMLTextAreaElement | null, current: string, text: string): { value: string; cursor: number } {
  const start = area?.selectionStart ?? current.length;
  const end = area?.selectionEnd ?? current.length;
  const value = current.slice(0, start) + text + current.slice(end);
  return { value, cursor: start + text.length };
}

/** Ctrl/⌘+Enter sends from anywhere in the form. */
export function sendOnModEnter(e: React.KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
