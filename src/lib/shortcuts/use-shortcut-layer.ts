/**
 * Binds shortcuts for as long as a component is mounted. Handlers may close over fresh props and
 * state: the layer calls the latest ones without being re-added on every render.
 */
import { useEffect, useRef } from 'react';
import type { ShortcutBinding, ShortcutEngine } from './shortcut-engine';

export function useShortcutLayer(engine: ShortcutEngine, bindings: readonly ShortcutBinding[], enabled = true): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  // The keys and options are fixed for the layer's life; the handlers are read at key time.
  const shape = JSON.stringify(bindings.map((b) => [b.keys, b.allowInInputs, b.whileDialogOpen, b.repeat]));
  useEffect(() => {
    if (!enabled) return;
    const stable = latest.current.map((binding, i) => ({
      ...binding,
      handler: (event: KeyboardEvent) => latest.current[i]?.handler(event),
    }));
    return engine.addLayer(stable);
  }, [engine, shape, enabled]);
}
