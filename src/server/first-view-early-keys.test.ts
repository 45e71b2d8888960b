// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_KEYS_GLOBAL, type HeldEarlyKeys } from '@/shared/first-view';
import { HOLD_EARLY_KEYS } from './first-view-inline-scripts';

type PageWithKeys = { [EARLY_KEYS_GLOBAL]?: HeldEarlyKeys };
const held = () => (window as unknown as PageWithKeys)[EARLY_KEYS_GLOBAL]!;

/** Presses a key at `target` the way the browser does (bubbling, cancelable); true when its default was prevented. */
function press(target: Element, key: string, init: KeyboardEventInit = {}): boolean {
  const event = new KeyboardEvent('keydown', { key, code: init.code ?? '', bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

const card = (id: string) => document.querySelector(`article[data-task-id="${id}"] h3`)!;

beforeEach(() => {
  document.body.innerHTML = [
    '<div id="root">',
    '<article data-task-id="task_a" tabindex="-1"><h3>Call Dana</h3><button aria-disabled="true">Complete</button></article>',
    '<article data-task-id="task_b" tabindex="-1"><h3>Email Sam</h3></article>',
    '<div role="combobox" tabindex="0" aria-label="Lead"></div><input type="text" aria-label="Search"><input type="checkbox" aria-label="Select"><select aria-label="Zone"><option>UTC</option></select>',
    '</div>',
  ].join('');
  // A classic script in the page's global scope, as the page runs it.
  new Function(HOLD_EARLY_KEYS)();
});

afterEach(() => {
  vi.useRealTimers();
  held()?.stop();
  delete (window as unknown as PageWithKeys)[EARLY_KEYS_GLOBAL];
  delete document.documentElement.dataset.shortcuts;
});

describe('the script that holds keys typed before the app has taken the page over', () => {
  it('holds plain keys, Shift included, with the card that had the focus, and keeps their default from happening', () => {
    expect(press(document.body, 'j', { code: 'KeyJ' })).toBe(true);
    expect(press(card('task_b'), 'e', { code: 'KeyE' })).toBe(true);
    expect(press(card('task_b'), '?', { code: 'Slash', shiftKey: true })).toBe(true);
    expect(press(document.body, 'ArrowDown', { code: 'ArrowDown', repeat: true })).toBe(true);
    expect(press(document.body, ' ', { code: 'Space' })).toBe(true);
    expect(held().keys.map(({ key, code, shiftKey, repeat, taskId }) => ({ key, code, shiftKey, repeat, taskId }))).toEqual([
      { key: 'j', code: 'KeyJ', shiftKey: false, repeat: false, taskId: null },
      { key: 'e', code: 'KeyE', shiftKey: false, repeat: false, taskId: 'task_b' },
      { key: '?', code: 'Slash', shiftKey: true, repeat: false, taskId: 'task_b' },
      { key: 'ArrowDown', code: 'ArrowDown', shiftKey: false, repeat: true, taskId: null },
      { key: ' ', code: 'Space', shiftKey: false, repeat: false, taskId: null },
    ]);
    expect(held().keys.every((k) => typeof k.at === 'number')).toBe(true);
  });

  it("leaves alone what is not the app's: modified keys, Tab, typing into a field or an ARIA text widget, Enter and Space on a control", () => {
    const input = document.querySelector('input[type="text"]')!;
    const select = document.querySelector('select')!;
    const checkbox = document.querySelector('input[type="checkbox"]')!;
    const button = document.querySelector('button')!;
    const untouched: [Element, string, KeyboardEventInit?][] = [
      [document.body, 'k', { ctrlKey: true }],
      [document.body, 'k', { metaKey: true }],
      [document.body, 'e', { altKey: true }],
      [document.body, 'Tab'],
      [document.body, 'PageDown'],
      [document.body, 'Shift'],
      [input, 'j'],
      [document.querySelector('[role="combobox"]')!, 'j'],
      [select, 'ArrowDown'],
      [button, 'Enter'],
      [button, ' '],
      [checkbox, ' '],
      [document.body, 'e', { isComposing: true }],
    ];
    for (const [target, key, init] of untouched) expect(press(target, key, init), `${key} at ${target.tagName}`).toBe(false);
    expect(held().keys).toEqual([]);
    // A plain letter at the checkbox is still a shortcut.
    expect(press(checkbox, 'x')).toBe(true);
    expect(held().keys).toHaveLength(1);
  });

  it('lets keys through once the app says its shortcuts are live, and stops for good when told to', () => {
    document.documentElement.dataset.shortcuts = 'ready';
    expect(press(document.body, 'j')).toBe(false);
    delete document.documentElement.dataset.shortcuts;
    held().stop();
    expect(press(document.body, 'j')).toBe(false);
    expect(held().keys).toEqual([]);
  });

  it('gives the keys back after 10 s, for a page whose app never starts', () => {
    held().stop();
    vi.useFakeTimers();
    new Function(HOLD_EARLY_KEYS)();
    expect(press(document.body, 'j')).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(press(document.body, 'j')).toBe(false);
    expect(held().keys).toHaveLength(1);
  });

  it('holds no more than 50 keys', () => {
    for (let i = 0; i < 60; i++) press(document.body, 'j');
    expect(held().keys).toHaveLength(50);
  });
});
