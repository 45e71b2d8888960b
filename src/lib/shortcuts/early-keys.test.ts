// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_KEYS_GLOBAL, type EarlyKey, type HeldEarlyKeys } from '@/shared/first-view';
import { EARLY_KEY_MAX_AGE_MS, replayEarlyKeys, takeEarlyKeys } from './early-keys';
import { createShortcutEngine } from './shortcut-engine';

type PageWithKeys = { [EARLY_KEYS_GLOBAL]?: HeldEarlyKeys };
const page = () => window as unknown as PageWithKeys;

const key = (k: string, at: number, taskId: string | null = null, more: Partial<EarlyKey> = {}): EarlyKey => ({
  key: k,
  code: `Key${k.toUpperCase()}`,
  shiftKey: false,
  repeat: false,
  at,
  taskId,
  ...more,
});

afterEach(() => {
  delete page()[EARLY_KEYS_GLOBAL];
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('takeEarlyKeys', () => {
  it('stops the page holding keys, takes the global away, and drops keys too old to mean anything now', () => {
    const stop = vi.fn();
    page()[EARLY_KEYS_GLOBAL] = { keys: [key('j', 100), key('e', 2_000)], stop };
    expect(takeEarlyKeys(100 + EARLY_KEY_MAX_AGE_MS + 1).map((k) => k.key)).toEqual(['e']);
    expect(stop).toHaveBeenCalledOnce();
    expect(page()[EARLY_KEYS_GLOBAL]).toBeUndefined();
    expect(takeEarlyKeys()).toEqual([]);
  });

  it('finds none on a page the server did not render', () => {
    expect(takeEarlyKeys()).toEqual([]);
  });
});

describe('replayEarlyKeys', () => {
  it('hands each key to the shortcuts, in order and one per task, with its modifiers; sequences still work', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    const engine = createShortcutEngine();
    engine.addLayer([
      { keys: 'j', handler: () => void fired.push('next') },
      { keys: '?', handler: (e) => void fired.push(`help${e.shiftKey ? ' (shift)' : ''}`) },
      { keys: 'g i', handler: () => void fired.push('inbox') },
      { keys: 'ArrowDown', handler: (e) => void fired.push(`down${e.repeat ? ' (held)' : ''}`), repeat: true },
    ]);
    const detach = engine.attach(window);
    replayEarlyKeys([key('j', 1), key('?', 2, null, { code: 'Slash', shiftKey: true }), key('g', 3), key('i', 4), key('ArrowDown', 5, null, { repeat: true })], () => true);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['next']);
    vi.runAllTimers();
    expect(fired).toEqual(['next', 'help (shift)', 'inbox', 'down (held)']);
    detach();
  });

  it('puts the focus on the card the user had chosen, only where that changed between keys', () => {
    vi.useFakeTimers();
    const order: string[] = [];
    window.addEventListener('keydown', (e) => order.push(`key ${e.key}`), { once: false });
    replayEarlyKeys([key('j', 1, 'task_c'), key('e', 2, 'task_c'), key('e', 3, 'task_f'), key('k', 4, null), key('e', 5, 'task_f')], (id) => {
      order.push(`focus ${id}`);
      return true;
    });
    vi.runAllTimers();
    expect(order).toEqual(['focus task_c', 'key j', 'key e', 'focus task_f', 'key e', 'key k', 'focus task_f', 'key e']);
  });

  it("drops the keys meant for a card the app does not show, and goes on with the others", () => {
    vi.useFakeTimers();
    const order: string[] = [];
    window.addEventListener('keydown', (e) => order.push(`key ${e.key}`));
    const shown = new Set(['task_a']);
    replayEarlyKeys([key('j', 1, 'task_gone'), key('e', 2, 'task_gone'), key('x', 3, 'task_a'), key('k', 4, null)], (id) => shown.has(id));
    vi.runAllTimers();
    expect(order).toEqual(['key x', 'key k']);
  });

  it('sends each key to the element that has the focus when it is replayed', () => {
    vi.useFakeTimers();
    document.body.innerHTML = '<article tabindex="-1" data-task-id="task_a"></article>';
    const card = document.querySelector('article')!;
    const targets: EventTarget[] = [];
    window.addEventListener('keydown', (e) => targets.push(e.target!));
    replayEarlyKeys([key('e', 1, 'task_a')], () => {
      card.focus();
      return true;
    });
    vi.runAllTimers();
    expect(targets).toEqual([card]);
  });
});
