/**
 * The shortcut syntax, read: steps separated by one space (`g i`), each `[modifier+]*key` with
 * modifiers `ctrl`, `alt`, `shift`, `meta` and `mod` (Ctrl or ⌘). Kept apart from the engine so
 * a button can show its keys without loading the engine.
 */
export type ModifierState = { ctrl: boolean; alt: boolean; shift: boolean; meta: boolean; mod: boolean };

export type ShortcutStep = {
  /** Lower-case letter, a symbol, or a key name such as `ArrowDown` or `Space`. */
  key: string;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  /** Ctrl or ⌘: either one satisfies it. */
  mod: boolean;
};

const MODIFIER_NAMES = new Set(['ctrl', 'alt', 'shift', 'meta', 'mod']);
const KEY_ALIASES: Record<string, string> = {
  space: 'Space',
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  return: 'Enter',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  tab: 'Tab',
};

/** `shift+j` → {key: 'j', shift: true, …}. Throws on an empty or unknown modifier. */
export function parseStep(text: string): ShortcutStep {
  if (text === '+') return { key: '+', ctrl: false, alt: false, shift: false, meta: false, mod: false };
  const parts = text.split('+');
  const rawKey = parts.pop();
  if (!rawKey) throw new Error(`shortcut "${text}" has no key`);
  const step: ShortcutStep = { key: '', ctrl: false, alt: false, shift: false, meta: false, mod: false };
  for (const part of parts) {
    const name = part.toLowerCase();
    if (!MODIFIER_NAMES.has(name)) throw new Error(`shortcut "${text}": unknown modifier "${part}"`);
    step[name as keyof ModifierState] = true;
  }
  step.key = rawKey.length === 1 ? rawKey.toLowerCase() : (KEY_ALIASES[rawKey.toLowerCase()] ?? rawKey);
  return step;
}

/** `g i` → two steps. */
export function parseShortcut(text: string): ShortcutStep[] {
  const steps = text.trim().split(/ +/).filter(Boolean).map(parseStep);
  if (steps.length === 0) throw new Error('empty shortcut');
  return steps;
}
