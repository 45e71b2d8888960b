/**
 * The task the keyboard acts on (j/k move it, e completes it, …). One id, so moving focus
 * re-renders the two cards involved, nothing else. A second id asks a card to take the browser's
 * focus as soon as it renders: a keyboard move targets a card the virtual list may not have
 * rendered yet, and after an action removes a card its successor must take the focus it held.
 */
import { create } from 'zustand';
import type { Task } from '@/shared/close/schemas';

type FocusState = {
  focusedTaskId: string | null;
  /** The card that should call `.focus()` when it next renders; cleared once it has. */
  domFocusTaskId: string | null;
  actions: {
    /** Focus arrived by itself (a click, Tab): remember it, nothing to move. */
    taskFocused: (id: string) => void;
    /** The app moves focus (keyboard, recovery): the card takes DOM focus too when `dom`. */
    taskFocusMoved: (id: string, options?: { dom?: boolean }) => void;
    domFocusTaken: (id: string) => void;
    focusCleared: () => void;
  };
};

const useFocusStore = create<FocusState>()((set) => ({
  focusedTaskId: null,
  domFocusTaskId: null,
  actions: {
    taskFocused: (id) => set((s) => (s.focusedTaskId === id ? s : { focusedTaskId: id, domFocusTaskId: null })),
    taskFocusMoved: (id, { dom = true } = {}) => set({ focusedTaskId: id, domFocusTaskId: dom ? id : null }),
    domFocusTaken: (id) => set((s) => (s.domFocusTaskId === id ? { domFocusTaskId: null } : s)),
    focusCleared: () => set({ focusedTaskId: null, domFocusTaskId: null }),
  },
}));

export const useFocusedTaskId = () => useFocusStore((s) => s.focusedTaskId);
export const useIsTaskFocused = (id: string) => useFocusStore((s) => s.focusedTaskId === id);
export const useTakesDomFocus = (id: string) => useFocusStore((s) => s.domFocusTaskId === id);
export const useFocusActions = () => useFocusStore((s) => s.actions);
export const focusedTaskIdNow = () => useFocusStore.getState().focusedTaskId;
export const focusActions = () => useFocusStore.getState().actions;

/**
 * What the screen shows, in order: the list view registers its loaded tasks (and how to scroll
 * a virtualized card into view); queue mode registers the one task on screen.
 */
export type TaskSource = {
  tasks: () => readonly Task[];
  scrollTo: (taskId: string) => void;
};

let source: TaskSource | null = null;

export function registerTaskSource(next: TaskSource): () => void {
  source = next;
  return () => {
    if (source === next) source = null;
  };
}

export function visibleTasksNow(): readonly Task[] {
  return source?.tasks() ?? [];
}

export function scrollTaskIntoView(taskId: string): void {
  source?.scrollTo(taskId);
}

/** The focused task, if it is on screen (or the first one when nothing is focused yet). */
export function focusedTaskNow(): Task | null {
  const id = focusedTaskIdNow();
  const tasks = visibleTasksNow();
  return (id ? tasks.find((t) => t.id === id) : undefined) ?? null;
}

/** Moves focus `delta` tasks on (clamped to the ends) and brings that card into view. */
export function moveTaskFocus(delta: number): Task | null {
  const tasks = visibleTasksNow();
  if (tasks.length === 0) return null;
  const id = focusedTaskIdNow();
  const at = id ? tasks.findIndex((t) => t.id === id) : -1;
  const index = at < 0 ? 0 : Math.max(0, Math.min(tasks.length - 1, at + delta));
  const task = tasks[index]!;
  focusActions().taskFocusMoved(task.id);
  scrollTaskIntoView(task.id);
  return task;
}

/** Gives the browser's focus back to the focused card (after a dialog that lost its way back). */
export function refocusTask(id: string | null = focusedTaskIdNow()): void {
  if (!id) return;
  focusActions().taskFocusMoved(id);
  scrollTaskIntoView(id);
}

/** Whether the browser's focus is on the card of `taskId` or inside it (its Complete button). */
function focusIsInCard(taskId: string): boolean {
  if (typeof document === 'undefined') return false;
  const card = document.activeElement?.closest('article[data-task-id]');
  return card instanceof HTMLElement && card.dataset.taskId === taskId;
}

/**
 * Before an action takes a card that holds the browser's focus off the list (complete, reopen),
 * the card after it (else the one before) takes the focus. Left to the list's own rule (after the
 * removal), the browser blurs the card inside its removal and then restyles a changed page for the
 * successor's focus: together about a third of a completion's time in profiles. The successor's
 * card is focused directly, while the page is still clean (its focus handler tells this store);
 * the store's request to focus itself (a render later) is the fallback when it is not rendered.
 */
export function handFocusOnBeforeRemoval(taskId: string): void {
  if (!focusIsInCard(taskId)) return;
  const next = successorOf(
    taskId,
    visibleTasksNow().map((t) => t.id),
    { has: (id) => id !== taskId },
  );
  if (!next) return;
  const card = [...document.querySelectorAll<HTMLElement>('article[data-task-id]')].find((el) => el.dataset.taskId === next);
  if (card) card.focus({ preventScroll: true });
  else focusActions().taskFocusMoved(next);
}

/**
 * After `removed` left the list, the task that takes the focus: the next one still present,
 * else the previous one. Pure, so the list (after a removal), handFocusOnBeforeRemoval (before
 * one) and the tests agree on "next".
 */
export function successorOf(removedId: string, before: readonly string[], after: Pick<ReadonlySet<string>, 'has'>): string | null {
  const at = before.indexOf(removedId);
  if (at < 0) return null;
  for (let i = at + 1; i < before.length; i++) if (after.has(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i--) if (after.has(before[i]!)) return before[i]!;
  return null;
}
