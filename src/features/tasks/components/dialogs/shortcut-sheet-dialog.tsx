import { Keys } from '@/components/shortcut-hint';
import { ModalDialog, SECONDARY_BUTTON } from '@/components/ui/modal';
import { useCapabilities } from '@/lib/capabilities';
import { SHORTCUTS, type ShortcutGroup, isShortcutOffered } from '../../utils/shortcut-catalog';

const GROUPS: ShortcutGroup[] = ['Move', 'Act', 'Select', 'Go to', 'Voicemail', 'Help'];

/** Every shortcut, by what it is for (`?`). */
export default function ShortcutSheetDialog({ onClose }: { onClose: () => void }) {
  const capabilities = useCapabilities();
  return (
    <ModalDialog title="Keyboard shortcuts" isOpen onClose={onClose} width="max-w-3xl">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Shortcuts act on the selected tasks when there are any, otherwise on the focused one. They pause while you type in a field.
      </p>
      <div className="grid grid-cols-1 gap-x-8 gap-y-4 sm:grid-cols-2">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
              {group}
            </h3>
            <dl className="flex flex-col">
              {SHORTCUTS.filter((s) => s.group === group && s.keys.length > 0 && isShortcutOffered(s, capabilities)).map((s) => (
                <div key={s.id} className="flex items-center justify-between gap-3 border-b border-slate-100 py-1.5 text-sm last:border-0 dark:border-slate-800">
                  <dt className="text-slate-800 dark:text-slate-200">{s.label}</dt>
                  <dd className="flex shrink-0 flex-wrap items-center justify-end gap-1 text-xs text-slate-600 dark:text-slate-400">
                    {s.keys.map((keys, i) => (
                      <span key={keys} className="inline-flex items-center gap-1">
                        {i > 0 ? <span>or</span> : null}
                        <Keys keys={keys} />
                        <span className="sr-only">{describeForScreenReaders(keys)}</span>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="flex justify-end">
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}

/** `g i` reads as "G then I"; the <kbd>s alone would run together. */
function describeForScreenReaders(keys: string): string {
  return keys.includes(' ') ? ` (press ${keys.split(' ').join(', then ')})` : '';
}
