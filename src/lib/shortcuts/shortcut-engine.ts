/**
 * A small keyboard shortcut engine: single keys (`e`), chords (`shift+j`, `mod+k`) and sequences
 * (`g i`, `* a`), matched on `KeyboardEvent.key` so they follow the user's layout (`?` is `?`
 * wherever it sits), with `event.code` as a fallback for letters on non-Latin layouts.
 *
 * Syntax: steps separated by one space; a step is `[modifier+]*key` with modifiers `ctrl`, `alt`,
 * `shift`, `meta` and `mod` (Ctrl or ⌘, whichever the user holds). Keys are a lower-case letter,
 * a symbol (`?`, `*`, `[`, `/`), or a `KeyboardEvent.key` name (`ArrowDown`, `Enter`, `Escape`)
 * or `Space`. Shift is part of a letter's or a named key's identity (`j` ≠ `shift+j`) but not of a
 * symbol's, which many layouts can only type with Shift.
 *
 * Shortcuts never fire while the user types (inputs, text areas, selects, contenteditable, ARIA
 * text widgets) or while a dialog is open, unless a binding says otherwise; Enter and Space are
 * left to buttons and links that own them. Layers stack: the newest layer wins a key (a queue
 * view's `Escape` over the list's).
 */
import { type ShortcutStep, parseShortcut } from './parse-shortcut';

export { type ShortcutStep, parseShortcut, parseStep } from './parse-shortcut';

/** Returning false says "not mine": the key keeps its default action. */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

export type ShortcutBinding = {
  /** One shortcut or several alternatives (`['j', 'ArrowDown']`). */
  keys: string | readonly string[];
  handler: ShortcutHandler;
  /** Fire even when focus is in a text field (e.g. `mod+k`). */
  allowInInputs?: boolean;
  /** Fire even while a dialog is open. */
  whileDialogOpen?: boolean;
  /** Fire on auto-repeat while the key is held (movement). */
  repeat?: boolean;
};

export type ShortcutEngineOptions = {
  /** How long the next key of a sequence may wait (ms). */
  sequenceTimeoutMs?: number;
  /** Whether a dialog (or something else) owns the keyboard right now. */
  isBlocked?: (target: EventTarget | null) => boolean;
};

export type ShortcutEngine = {
  /** Adds bindings above every earlier layer; the returned function removes them. */
  addLayer: (bindings: readonly ShortcutBinding[]) => () => void;
  /** Handles a keydown; true when a shortcut took it (its default is then prevented). */
  handleKeyDown: (event: KeyboardEvent) => boolean;
  /** Listens for keydown on `target` (the window); the returned function stops. */
  attach: (target: Pick<Window, 'addEventListener' | 'removeEventListener'>) => () => void;
  /** Forgets a half-typed sequence. */
  reset: () => void;
};

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'OS', 'Hyper', 'Super', 'Fn']);

const isLetter = (key: string) => /^[a-z]$/.test(key);
const isSymbol = (key: string) => key.length === 1 && !isLetter(key) && !/^[0-9]$/.test(key);

/** The key an event stands for, in the same terms as a parsed step. */
function eventKey(event: KeyboardEvent): string {
  if (event.key === ' ' || event.key === 'Spacebar') return 'Space';
  if (event.key.length === 1) {
    const lower = event.key.toLowerCase();
    // A non-Latin layout (or ⌥ on a Mac) types another character: fall back to the physical key.
    if (!/^[\x20-\x7e]$/.test(lower) && /^Key[A-Z]$/.test(event.code)) return event.code.slice(3).toLowerCase();
    return lower;
  }
  return event.key;
}

export function stepMatches(step: ShortcutStep, event: KeyboardEvent): boolean {
  if (eventKey(event) !== step.key) return false;
  if (event.altKey !== step.alt) return false;
  if (step.mod) {
    if (event.ctrlKey === event.metaKey) return false;
  } else if (event.ctrlKey !== step.ctrl || event.metaKey !== step.meta) {
    return false;
  }
  return isSymbol(step.key) ? true : event.shiftKey === step.shift;
}

const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider']);
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'color']);
const ACTIVATING_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'tab', 'treeitem']);
/** Widgets that move their own focus with the arrow keys. */
const ARROW_OWNERS = ['listbox', 'menu', 'menubar', 'grid', 'tablist', 'radiogroup', 'tree', 'treegrid', 'toolbar']
  .map((role) => `[role="${role}"]`)
  .join(', ');

function asElement(target: EventTarget | null): Element | null {
  return target && typeof (target as Element).closest === 'function' ? (target as Element) : null;
}

/** True while the user is typing: the keys are theirs, not ours. */
export function isEditableTarget(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable || el.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  const role = el.getAttribute('role');
  return role !== null && TEXT_ROLES.has(role);
}

/** Buttons, links and the like: Enter and Space activate them natively. */
function isActivatingTarget(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'INPUT' || (tag === 'A' && el.hasAttribute('href'))) return true;
  const role = el.getAttribute('role');
  return role !== null && ACTIVATING_ROLES.has(role);
}

function ownsArrowKeys(el: Element | null): boolean {
  return Boolean(el?.closest(ARROW_OWNERS));
}

/** Any open dialog (React Aria's modal, a popover dialog, an alert dialog) owns the keyboard. */
export function isDialogOpen(doc: Document | undefined = globalThis.document): boolean {
  return Boolean(doc?.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]'));
}

type Compiled = { steps: ShortcutStep[]; binding: ShortcutBinding; layer: number; order: number };

export function createShortcutEngine(options: ShortcutEngineOptions = {}): ShortcutEngine {
  const timeoutMs = options.sequenceTimeoutMs ?? 1_500;
  const isBlocked = options.isBlocked ?? (() => isDialogOpen());
  const layers = new Map<number, Compiled[]>();
  let nextLayer = 0;
  let pending: { steps: number; candidates: Compiled[]; at: number } | null = null;

  const compile = (bindings: readonly ShortcutBinding[], layer: number): Compiled[] =>
    bindings.flatMap((binding, order) =>
      (typeof binding.keys === 'string' ? [binding.keys] : binding.keys).map((keys) => ({ steps: parseShortcut(keys), binding, layer, order })),
    );

  const all = (): Compiled[] =>
    [...layers.values()].flat().sort((a, b) => b.layer - a.layer || a.order - b.order);

  const allowed = (c: Compiled, event: KeyboardEvent, editable: boolean, blocked: boolean): boolean => {
    if (editable && !c.binding.allowInInputs) return false;
    if (blocked && !c.binding.whileDialogOpen) return false;
    if (event.repeat && !c.binding.repeat) return false;
    const step = c.steps[0]!;
    const target = asElement(event.target);
    const plain = !step.ctrl && !step.alt && !step.meta && !step.mod;
    if (plain && (step.key === 'Enter' || step.key === 'Space') && isActivatingTarget(target)) return false;
    if (plain && step.key.startsWith('Arrow') && ownsArrowKeys(target)) return false;
    return true;
  };

  const fire = (c: Compiled, event: KeyboardEvent): boolean => {
    if (c.binding.handler(event) === false) return false;
    event.preventDefault();
    return true;
  };

  const handleKeyDown = (event: KeyboardEvent): boolean => {
    if (event.defaultPrevented || event.isComposing || event.keyCode === 229) return false;
    // Shift on its way to `*` or `?`: not a step, and not the end of a sequence either.
    if (MODIFIER_KEYS.has(event.key)) return false;

    if (pending && event.timeStamp - pending.at > timeoutMs) pending = null;
    if (pending) {
      const { steps, candidates } = pending;
      pending = null;
      const next = candidates.filter((c) => stepMatches(c.steps[steps]!, event));
      const done = next.find((c) => c.steps.length === steps + 1);
      if (done) return fire(done, event);
      if (next.length > 0) {
        pending = { steps: steps + 1, candidates: next, at: event.timeStamp };
        event.preventDefault();
        return true;
      }
      // Not a continuation: the key counts on its own.
    }

    const editable = isEditableTarget(event.target);
    const blocked = isBlocked(event.target);
    const matches = all().filter((c) => stepMatches(c.steps[0]!, event) && allowed(c, event, editable, blocked));
    if (matches.length === 0) return false;
    const single = matches.find((c) => c.steps.length === 1);
    // A key that is a shortcut on its own fires at once; bind sequences to keys that are not.
    if (single) return fire(single, event);
    pending = { steps: 1, candidates: matches, at: event.timeStamp };
    event.preventDefault();
    return true;
  };

  return {
    addLayer: (bindings) => {
      const layer = nextLayer++;
      layers.set(layer, compile(bindings, layer));
      pending = null;
      return () => {
        layers.delete(layer);
        pending = null;
      };
    },
    handleKeyDown,
    attach: (target) => {
      const listener = (event: Event) => void handleKeyDown(event as KeyboardEvent);
      target.addEventListener('keydown', listener);
      return () => target.removeEventListener('keydown', listener);
    },
    reset: () => {
      pending = null;
    },
  };
}
