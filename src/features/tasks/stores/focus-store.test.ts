// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import { focusActions, focusedTaskIdNow, focusedTaskNow, handFocusOnBeforeRemoval, moveTaskFocus, registerTaskSource, successorOf } from './focus-store';

const task = (id: string) => ({ id }) as Task;
let unregister = () => {};

afterEach(() => {
  unregister();
  focusActions().focusCleared();
});

describe('the successor of a task that left the list', () => {
  it('is the next task still there', () => {
    expect(successorOf('b', ['a', 'b', 'c', 'd'], new Set(['a', 'c', 'd']))).toBe('c');
  });

  it('skips tasks that left with it (a bulk change)', () => {
    expect(successorOf('b', ['a', 'b', 'c', 'd'], new Set(['a', 'd']))).toBe('d');
  });

  it('is the previous task when it was the last', () => {
    expect(successorOf('d', ['a', 'b', 'c', 'd'], new Set(['a', 'b']))).toBe('b');
  });

  it('is nothing when the list is empty or the task was never in it', () => {
    expect(successorOf('a', ['a'], new Set())).toBeNull();
    expect(successorOf('x', ['a', 'b'], new Set(['a', 'b']))).toBeNull();
  });
});

describe('handing the focus on before a card leaves', () => {
  const cards = (...ids: string[]) => {
    document.body.innerHTML = ids.map((id) => `<article tabindex="-1" data-task-id="${id}"><button>Complete</button></article>`).join('');
    unregister = registerTaskSource({ tasks: () => ['a', 'b', 'c'].map(task), scrollTo: vi.fn() });
  };
  const card = (id: string) => document.querySelector<HTMLElement>(`[data-task-id="${id}"]`)!;
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('gives the browser focus to the next card, or the previous one after the last, when the leaving card holds it', () => {
    cards('a', 'b', 'c');
    card('b').querySelector('button')!.focus();
    handFocusOnBeforeRemoval('b');
    expect(document.activeElement).toBe(card('c'));
    handFocusOnBeforeRemoval('c');
    expect(document.activeElement).toBe(card('b'));
  });

  it('asks a successor that is not rendered to take the focus when it renders', () => {
    cards('a', 'b');
    card('b').focus();
    handFocusOnBeforeRemoval('b');
    expect(focusedTaskIdNow()).toBe('c');
    expect(document.activeElement).toBe(card('b'));
  });

  it('leaves the focus alone when the leaving card does not hold it', () => {
    cards('a', 'b', 'c');
    card('a').focus();
    handFocusOnBeforeRemoval('b');
    expect(document.activeElement).toBe(card('a'));
    expect(focusedTaskIdNow()).toBeNull();
  });
});

describe('moving the focus', () => {
  it('walks the registered list, stops at its ends, and scrolls the card into view', () => {
    const scrollTo = vi.fn();
    unregister = registerTaskSource({ tasks: () => [task('a'), task('b'), task('c')], scrollTo });
    expect(moveTaskFocus(1)?.id).toBe('a'); // nothing focused yet: the first task
    expect(moveTaskFocus(1)?.id).toBe('b');
    expect(moveTaskFocus(5)?.id).toBe('c');
    expect(moveTaskFocus(1)?.id).toBe('c');
    expect(moveTaskFocus(-10)?.id).toBe('a');
    expect(scrollTo).toHaveBeenLastCalledWith('a');
    expect(focusedTaskNow()?.id).toBe('a');
  });

  it('asks the card to take the browser focus on a move, not when focus arrived by itself', () => {
    unregister = registerTaskSource({ tasks: () => [task('a'), task('b')], scrollTo: () => {} });
    focusActions().taskFocused('a');
    expect(focusedTaskIdNow()).toBe('a');
    moveTaskFocus(1);
    expect(focusedTaskIdNow()).toBe('b');
    focusActions().domFocusTaken('b');
    focusActions().taskFocusMoved('a', { dom: false });
    expect(focusedTaskIdNow()).toBe('a');
  });

  it('knows no focused task when the list has none', () => {
    expect(moveTaskFocus(1)).toBeNull();
    focusActions().taskFocused('gone');
    expect(focusedTaskNow()).toBeNull();
  });
});
