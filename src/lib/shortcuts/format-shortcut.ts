/**
 * How a shortcut reads on screen (`⌘K` on a Mac, `Ctrl+K` elsewhere, `↓`, `G` then `I`) and in
 * `aria-keyshortcuts` (`Control+K Meta+K`), from the engine's syntax.
 */
import { type ShortcutStep, parseShortcut } from './parse-shortcut';

const KEY_LABELS: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  Escape: 'Esc',
  Space: 'Space',
  Tab: 'Tab',
};

let applePlatform: boolean | undefined;

/** Read once: every action button formats its hint per render, and userAgentData is a slow getter. */
export function isApplePlatform(): boolean {
  if (applePlatform !== undefined) return applePlatform;
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  const platform = nav?.userAgentData?.platform ?? nav?.platform ?? '';
  applePlatform = /mac|iphone|ipad|ipod/i.test(platform);
  return applePlatform;
}

function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** One step as the user types it: `Shift+J`, `⌘K`, `Ctrl+Z`, `?`. */
export function formatStep(step: ShortcutStep, apple = isApplePlatform()): string {
  const mods: string[] = [];
  if (step.ctrl) mods.push(apple ? '⌃' : 'Ctrl');
  if (step.alt) mods.push(apple ? '⌥' : 'Alt');
  if (step.shift) mods.push(apple ? '⇧' : 'Shift');
  if (step.meta || (step.mod && apple)) mods.push(apple ? '⌘' : 'Meta');
  if (step.mod && !apple) mods.push('Ctrl');
  const key = keyLabel(step.key);
  return apple ? `${mods.join('')}${key}` : [...mods, key].join('+');
}

/** Each step of a shortcut, for one `<kbd>` per step: `g i` → ['G', 'I']. */
// The shortcut table is small and fixed; cards format the same few texts on every render.
const formatted = new Map<string, readonly string[]>();

export function formatShortcut(text: string, apple = isApplePlatform()): readonly string[] {
  const key = `${apple ? 'a' : 'o'}${text}`;
  let steps = formatted.get(key);
  if (!steps) {
    steps = parseShortcut(text).map((step) => formatStep(step, apple));
    formatted.set(key, steps);
  }
  return steps;
}

const ARIA_KEYS: Record<string, string> = { Space: 'Space', Escape: 'Escape' };

function ariaStep(step: ShortcutStep): string[] {
  const key = ARIA_KEYS[step.key] ?? (step.key.length === 1 ? step.key.toUpperCase() : step.key);
  const base = [step.ctrl && 'Control', step.alt && 'Alt', step.shift && 'Shift', step.meta && 'Meta'].filter(Boolean) as string[];
  return step.mod ? [[...base, 'Control', key].join('+'), [...base, 'Meta', key].join('+')] : [[...base, key].join('+')];
}

const ariaValues = new Map<string, string | undefined>();

/**
 * The `aria-keyshortcuts` value for some alternatives. The attribute has no notation for
 * sequences (`g i`), so those are left out; an empty result means "omit the attribute".
 */
export function ariaKeyShortcuts(alternatives: readonly string[]): string | undefined {
  const key = alternatives.join('\n');
  if (ariaValues.has(key)) return ariaValues.get(key);
  const values = alternatives.flatMap((text) => {
    const steps = parseShortcut(text);
    return steps.length === 1 ? ariaStep(steps[0]!) : [];
  });
  const value = values.length ? values.join(' ') : undefined;
  ariaValues.set(key, value);
  return value;
}
