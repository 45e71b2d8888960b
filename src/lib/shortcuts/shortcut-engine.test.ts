// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ariaKeyShortcuts, formatShortcut } from './format-shortcut';
import { type ShortcutBinding, createShortcutEngine, isEditableTarget, parseShortcut, parseStep, stepMatches } from './shortcut-engine';

const detachers: Array<() => void> = [];
afterEach(() => {
  // A failed test must not leave its engine listening to the next one's keys.
  for (const detach of detachers.splice(0)) detach();
  document.body.innerHTML = '';
});

let clock = 0;
/** A keydown as a browser sends it, on `target` (default: the body), with a rising timeStamp. */
function press(
  key: string,
  init: KeyboardEventInit & { target?: Element; timeStamp?: number } = {},
): KeyboardEvent {
  const { target = document.body, timeStamp, ...rest } = init;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...rest });
  clock = timeStamp ?? clock + 100;
  Object.defineProperty(event, 'timeStamp', { value: clock });
  target.dispatchEvent(event);
  return event;
}

function engineWith(bindings: ShortcutBinding[], options: Parameters<typeof createShortcutEngine>[0] = {}) {
  const engine = createShortcutEngine(options);
  engine.addLayer(bindings);
  const detach = engine.attach(window);
  detachers.push(detach);
  return { engine, detach };
}

describe('parsing', () => {
  it('reads keys, modifiers and aliases', () => {
    expect(parseStep('e')).toMatchObject({ key: 'e', shift: false, mod: false });
    expect(parseStep('shift+J')).toMatchObject({ key: 'j', shift: true });
    expect(parseStep('mod+k')).toMatchObject({ key: 'k', mod: true, ctrl: false, meta: false });
    expect(parseStep('ctrl+alt+Delete')).toMatchObject({ key: 'Delete', ctrl: true, alt: true });
    expect(parseStep('space').key).toBe('Space');
    expect(parseStep('Esc').key).toBe('Escape');
    expect(parseStep('?').key).toBe('?');
    expect(parseStep('+').key).toBe('+');
  });

  it('splits sequences into steps', () => {
    expect(parseShortcut('g i').map((s) => s.key)).toEqual(['g', 'i']);
    expect(parseShortcut('* a').map((s) => s.key)).toEqual(['*', 'a']);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseStep('hyper+k')).toThrow(/unknown modifier "hyper"/);
    expect(() => parseShortcut('  ')).toThrow(/empty/);
    expect(() => parseStep('shift+')).toThrow(/no key/);
  });

  it('formats for people and for aria-keyshortcuts', () => {
    expect(formatShortcut('mod+k', true)).toEqual(['⌘K']);
    expect(formatShortcut('mod+k', false)).toEqual(['Ctrl+K']);
    expect(formatShortcut('shift+j', false)).toEqual(['Shift+J']);
    expect(formatShortcut('g i', false)).toEqual(['G', 'I']);
    expect(formatShortcut('ArrowDown', false)).toEqual(['↓']);
    expect(ariaKeyShortcuts(['e'])).toBe('E');
    expect(ariaKeyShortcuts(['z', 'mod+z'])).toBe('Z Control+Z Meta+Z');
    expect(ariaKeyShortcuts(['g i'])).toBeUndefined();
  });
});

describe('matching one key', () => {
  const event = (key: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key, ...init });

  it('tells a letter from its shifted form', () => {
    expect(stepMatches(parseStep('j'), event('j'))).toBe(true);
    expect(stepMatches(parseStep('j'), event('J', { shiftKey: true }))).toBe(false);
    expect(stepMatches(parseStep('shift+j'), event('J', { shiftKey: true }))).toBe(true);
    // Caps Lock types an upper-case letter without Shift: still `j`.
    expect(stepMatches(parseStep('j'), event('J'))).toBe(true);
  });

  it('takes a symbol as typed, whatever Shift took to type it', () => {
    expect(stepMatches(parseStep('?'), event('?', { shiftKey: true }))).toBe(true);
    expect(stepMatches(parseStep('*'), event('*', { shiftKey: true }))).toBe(true);
    expect(stepMatches(parseStep('['), event('['))).toBe(true);
  });

  it('never fires a plain key under Ctrl, Alt or ⌘', () => {
    expect(stepMatches(parseStep('e'), event('e', { ctrlKey: true }))).toBe(false);
    expect(stepMatches(parseStep('e'), event('e', { metaKey: true }))).toBe(false);
    expect(stepMatches(parseStep('e'), event('e', { altKey: true }))).toBe(false);
  });

  it('lets mod be Ctrl or ⌘ but not both', () => {
    expect(stepMatches(parseStep('mod+k'), event('k', { ctrlKey: true }))).toBe(true);
    expect(stepMatches(parseStep('mod+k'), event('k', { metaKey: true }))).toBe(true);
    expect(stepMatches(parseStep('mod+k'), event('k', { metaKey: true, ctrlKey: true }))).toBe(false);
    expect(stepMatches(parseStep('mod+k'), event('k'))).toBe(false);
  });

  it('falls back to the physical key on a non-Latin layout', () => {
    expect(stepMatches(parseStep('e'), event('у', { code: 'KeyE' }))).toBe(true);
  });

  it('reads Space and named keys', () => {
    expect(stepMatches(parseStep('Space'), event(' '))).toBe(true);
    expect(stepMatches(parseStep('ArrowDown'), event('ArrowDown'))).toBe(true);
    expect(stepMatches(parseStep('ArrowDown'), event('ArrowDown', { shiftKey: true }))).toBe(false);
  });
});

describe('the engine', () => {
  it('runs the handler and prevents the default', () => {
    const complete = vi.fn();
    const { detach } = engineWith([{ keys: 'e', handler: complete }]);
    const event = press('e');
    expect(complete).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
    detach();
    press('e');
    expect(complete).toHaveBeenCalledTimes(1);
  });

  it('leaves the key alone when the handler declines', () => {
    const { detach } = engineWith([{ keys: 'Space', handler: () => false }]);
    expect(press(' ').defaultPrevented).toBe(false);
    detach();
  });

  it('accepts alternatives', () => {
    const next = vi.fn();
    const { detach } = engineWith([{ keys: ['j', 'ArrowDown'], handler: next }]);
    press('j');
    press('ArrowDown');
    expect(next).toHaveBeenCalledTimes(2);
    detach();
  });

  it('runs sequences: g i, g a, * a', () => {
    const inbox = vi.fn();
    const archive = vi.fn();
    const selectAll = vi.fn();
    const reassign = vi.fn();
    const { detach } = engineWith([
      { keys: 'g i', handler: inbox },
      { keys: 'g a', handler: archive },
      { keys: '* a', handler: selectAll },
      { keys: 'a', handler: reassign },
    ]);
    press('g');
    expect(inbox).not.toHaveBeenCalled();
    press('i');
    expect(inbox).toHaveBeenCalledTimes(1);

    press('g');
    press('a');
    expect(archive).toHaveBeenCalledTimes(1);
    expect(reassign).not.toHaveBeenCalled();

    // `*` is Shift+8 on a US keyboard: the Shift keydown is not a step.
    press('Shift', { shiftKey: true });
    press('*', { shiftKey: true });
    press('a');
    expect(selectAll).toHaveBeenCalledTimes(1);
    expect(reassign).not.toHaveBeenCalled();

    // `a` alone is still reassign.
    press('a');
    expect(reassign).toHaveBeenCalledTimes(1);
    detach();
  });

  it('treats a key that does not continue a sequence on its own', () => {
    const inbox = vi.fn();
    const complete = vi.fn();
    const { detach } = engineWith([
      { keys: 'g i', handler: inbox },
      { keys: 'e', handler: complete },
    ]);
    press('g');
    press('e');
    expect(complete).toHaveBeenCalledTimes(1);
    press('i');
    expect(inbox).not.toHaveBeenCalled();
    detach();
  });

  it('forgets a sequence after its timeout', () => {
    const inbox = vi.fn();
    const { detach } = engineWith([{ keys: 'g i', handler: inbox }], { sequenceTimeoutMs: 1_000 });
    press('g', { timeStamp: 10_000 });
    press('i', { timeStamp: 11_500 });
    expect(inbox).not.toHaveBeenCalled();
    press('g', { timeStamp: 12_000 });
    press('i', { timeStamp: 12_400 });
    expect(inbox).toHaveBeenCalledTimes(1);
    detach();
  });

  it('never fires while typing in a field', () => {
    const complete = vi.fn();
    const palette = vi.fn();
    const { detach } = engineWith([
      { keys: 'e', handler: complete },
      { keys: 'mod+k', handler: palette, allowInInputs: true },
    ]);
    document.body.innerHTML = `
      <input id="text" type="text"><input id="search" type="search"><textarea id="area"></textarea>
      <select id="select"><option>a</option></select><div id="editable" contenteditable="true"></div>
      <div id="segment" role="spinbutton" tabindex="0"></div><input id="box" type="checkbox">`;
    for (const id of ['text', 'search', 'area', 'select', 'editable', 'segment']) {
      const target = document.getElementById(id)!;
      const event = press('e', { target });
      expect(event.defaultPrevented, id).toBe(false);
    }
    expect(complete).not.toHaveBeenCalled();
    // A checkbox is not a text field.
    press('e', { target: document.getElementById('box')! });
    expect(complete).toHaveBeenCalledTimes(1);
    // A binding may opt in.
    press('k', { target: document.getElementById('text')!, ctrlKey: true });
    expect(palette).toHaveBeenCalledTimes(1);
    detach();
  });

  it('knows contenteditable and text roles as fields', () => {
    document.body.innerHTML = '<div contenteditable="true"><b id="inner">x</b></div><div id="role" role="textbox"></div>';
    // jsdom does not compute isContentEditable for descendants; the browser does. The role check is ours.
    expect(isEditableTarget(document.getElementById('role'))).toBe(true);
    expect(isEditableTarget(document.body)).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });

  it('stays quiet while a dialog is open, unless a binding says otherwise', () => {
    const complete = vi.fn();
    const close = vi.fn();
    const { detach } = engineWith([
      { keys: 'e', handler: complete },
      { keys: 'Escape', handler: close, whileDialogOpen: true },
    ]);
    document.body.innerHTML = '<div role="dialog" aria-modal="true"><button id="inside">OK</button></div>';
    press('e');
    press('e', { target: document.getElementById('inside')! });
    expect(complete).not.toHaveBeenCalled();
    press('Escape');
    expect(close).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '';
    press('e');
    expect(complete).toHaveBeenCalledTimes(1);
    detach();
  });

  it('leaves Enter and Space to buttons and links, and arrows to listboxes and menus', () => {
    const open = vi.fn();
    const next = vi.fn();
    const { detach } = engineWith([
      { keys: ['Enter', 'Space'], handler: open },
      { keys: 'ArrowDown', handler: next },
    ]);
    document.body.innerHTML = `<button id="button">Go</button><a id="link" href="/x">x</a>
      <article id="card" tabindex="-1">card</article><div role="listbox"><div id="option" role="option">o</div></div>`;
    press('Enter', { target: document.getElementById('button')! });
    press(' ', { target: document.getElementById('link')! });
    expect(open).not.toHaveBeenCalled();
    press('Enter', { target: document.getElementById('card')! });
    expect(open).toHaveBeenCalledTimes(1);
    press('ArrowDown', { target: document.getElementById('option')! });
    expect(next).not.toHaveBeenCalled();
    press('ArrowDown', { target: document.getElementById('card')! });
    expect(next).toHaveBeenCalledTimes(1);
    detach();
  });

  it('ignores auto-repeat unless the binding wants it', () => {
    const complete = vi.fn();
    const next = vi.fn();
    const { detach } = engineWith([
      { keys: 'e', handler: complete },
      { keys: 'j', handler: next, repeat: true },
    ]);
    press('e', { repeat: true });
    press('j', { repeat: true });
    expect(complete).not.toHaveBeenCalled();
    expect(next).toHaveBeenCalledTimes(1);
    detach();
  });

  it('ignores keys that an IME is composing, and events already handled', () => {
    const complete = vi.fn();
    const { engine } = engineWith([{ keys: 'e', handler: complete }]);
    press('e', { isComposing: true });
    const handled = new KeyboardEvent('keydown', { key: 'e', cancelable: true });
    handled.preventDefault();
    expect(engine.handleKeyDown(handled)).toBe(false);
    expect(complete).not.toHaveBeenCalled();
  });

  it('lets a newer layer take a key, and gives it back when removed', () => {
    const engine = createShortcutEngine();
    const clear = vi.fn();
    const exit = vi.fn();
    engine.addLayer([{ keys: 'Escape', handler: clear }]);
    const remove = engine.addLayer([{ keys: 'Escape', handler: exit }]);
    engine.handleKeyDown(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(exit).toHaveBeenCalledTimes(1);
    expect(clear).not.toHaveBeenCalled();
    remove();
    engine.handleKeyDown(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(clear).toHaveBeenCalledTimes(1);
  });
});
