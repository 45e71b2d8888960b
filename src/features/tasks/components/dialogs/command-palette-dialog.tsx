import { useMemo, useState } from 'react';
import { Autocomplete, Input, Keyboard, Menu, MenuItem, SearchField, Text } from 'react-aria-components';
import { fuzzyFilter } from '@/lib/fuzzy-match';
import { formatShortcut } from '@/lib/shortcuts/format-shortcut';
import { KBD } from '@/components/shortcut-hint';
import { ModalDialog } from '@/components/ui/modal';
import { useTriageCommands } from '../../hooks/use-triage-commands';
import { focusedTaskNow } from '../../stores/focus-store';
import { useAllMatchingSelected, useSelectedCount } from '../../stores/selection-store';
import { type CommandId, SHORTCUTS, type ShortcutInfo } from '../../utils/shortcut-catalog';
import { taskTitle } from '../../utils/task-title';

/** Not offered here: they only make sense as keys (Escape closes this very palette). */
const KEY_ONLY = new Set<CommandId>(['close', 'palette', 'skip']);
const COMMANDS = SHORTCUTS.filter((s) => !KEY_ONLY.has(s.id));

/**
 * Every action by name (Ctrl/⌘ K): type a few of its letters in order ("snz" finds Snooze), the
 * best match is highlighted, arrows move, Enter runs it. Each shows its shortcut, so the palette
 * teaches the keys.
 */
export default function CommandPaletteDialog({ onClose }: { onClose: () => void }) {
  const commands = useTriageCommands();
  const [query, setQuery] = useState('');
  const items = useMemo(() => fuzzyFilter(COMMANDS, query, (c) => `${c.label} ${c.group} ${c.aliases ?? ''}`), [query]);
  const selected = useSelectedCount();
  const allMatching = useAllMatchingSelected();
  // Fixed while open: what the actions would act on, said up front.
  const [focused] = useState(() => focusedTaskNow());
  const target = allMatching
    ? 'all matching tasks'
    : selected > 0
      ? `${selected.toLocaleString('en-US')} selected ${selected === 1 ? 'task' : 'tasks'}`
      : focused
        ? `“${taskTitle(focused)}”`
        : null;

  const run = (id: CommandId) => {
    onClose();
    commands[id]();
  };

  return (
    <ModalDialog title="Command palette" isOpen onClose={onClose} width="max-w-xl">
      <Autocomplete inputValue={query} onInputChange={setQuery}>
        <SearchField aria-label="Search commands" autoFocus className="flex flex-col">
          <Input
            placeholder="Type a command…"
            className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm outline-none focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-950"
          />
        </SearchField>
        {target ? <p className="text-xs text-slate-600 dark:text-slate-400">Acts on {target}</p> : null}
        <Menu<ShortcutInfo>
          aria-label="Commands"
          items={items}
          onAction={(key) => run(key as CommandId)}
          // No inner scroll (focus stays in the search field, so a scrolling list could not be reached
          // by keyboard); a long list scrolls with the dialog.
          className="rounded-md border border-slate-200 p-1 outline-none dark:border-slate-800"
          renderEmptyState={() => <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No command matches.</p>}
        >
          {(command) => (
            <MenuItem
              id={command.id}
              textValue={command.label}
              className="flex cursor-default items-center justify-between gap-3 rounded px-3 py-2 text-sm outline-none data-[focused]:bg-sky-50 data-[hovered]:bg-slate-50 dark:data-[focused]:bg-sky-950 dark:data-[hovered]:bg-slate-800"
            >
              <Text slot="label" className="text-slate-900 dark:text-slate-100">
                {command.label}
              </Text>
              {command.keys[0] ? (
                <Keyboard className="flex shrink-0 gap-0.5 font-sans">
                  {formatShortcut(command.keys[0]).map((step, i) => (
                    <span key={i} className={KBD}>
                      {step}
                    </span>
                  ))}
                </Keyboard>
              ) : null}
            </MenuItem>
          )}
        </Menu>
      </Autocomplete>
    </ModalDialog>
  );
}
