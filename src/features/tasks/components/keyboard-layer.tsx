/**
 * Binds every shortcut in the catalog to its command, for as long as the app is on screen, and
 * keeps the keyboard's place when a dialog closes.
 * Loaded lazily right after the first render: the engine and the commands stay out of the
 * initial bundle. Keys typed at a server-rendered page before then are held by the page and
 * replayed here.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ShortcutBinding } from '@/lib/shortcuts/shortcut-engine';
import { useShortcutLayer } from '@/lib/shortcuts/use-shortcut-layer';
import { replayEarlyKeys, takeEarlyKeys } from '@/lib/shortcuts/early-keys';
import { useTriageCommands } from '../hooks/use-triage-commands';
import { useOpenDialog } from '../stores/dialog-store';
import { focusedTaskIdNow, refocusTask, visibleTasksNow } from '../stores/focus-store';
import { triageShortcuts } from '../stores/shortcut-engine';
import { type CommandId, SHORTCUTS } from '../utils/shortcut-catalog';

/** Keys that may be held down to keep going. */
const REPEATS = new Set<CommandId>(['next', 'previous', 'extend-down', 'extend-up', 'slower', 'faster']);
/** Keys that work even from a text field: they never type anything. */
const IN_INPUTS = new Set<CommandId>(['palette']);

/**
 * A dialog gives focus back to what opened it. When that is gone (the detail view replaced by
 * the snooze dialog it opened, a card scrolled out of the virtual list), focus would fall to
 * <body>: it goes to the focused task instead. React Aria restores focus a frame or two after
 * the dialog unmounts, so this looks after it has had its turn.
 */
function useFocusReturnsToTask(isOpen: boolean) {
  const wasOpen = useRef(isOpen);
  useEffect(() => {
    const closed = wasOpen.current && !isOpen;
    wasOpen.current = isOpen;
    if (!closed) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          const active = document.activeElement;
          if (!active || active === document.body) refocusTask(focusedTaskIdNow());
        });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [isOpen]);
}

export default function KeyboardLayer() {
  const commands = useTriageCommands();
  const bindings = useMemo<ShortcutBinding[]>(
    () =>
      SHORTCUTS.filter((s) => s.keys.length > 0).map((s) => ({
        keys: s.keys,
        handler: (event) => commands[s.id](event),
        repeat: REPEATS.has(s.id),
        allowInInputs: IN_INPUTS.has(s.id),
      })),
    [commands],
  );
  useEffect(() => {
    const detach = triageShortcuts.attach(window);
    // Says the keys are live (the layer loads after the first paint); tests and tools wait for it.
    document.documentElement.dataset.shortcuts = 'ready';
    // Keys typed at the server's cards before now; not cancelled on cleanup, as React's strict
    // mode runs this twice and the second run finds none left to take.
    replayEarlyKeys(takeEarlyKeys(), (taskId) => {
      if (!visibleTasksNow().some((task) => task.id === taskId)) return false;
      refocusTask(taskId);
      return true;
    });
    return () => {
      detach();
      delete document.documentElement.dataset.shortcuts;
    };
  }, []);
  useShortcutLayer(triageShortcuts, bindings);
  useFocusReturnsToTask(useOpenDialog() !== null);
  return null;
}
