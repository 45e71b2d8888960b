/**
 * The task the keyboard acts on (j/k move it, e completes it, …). One id, so moving focus
 * re-renders the two cards involved, nothing else.
 */
import { create } from 'zustand';

type FocusState = {
  focusedTaskId: string | null;
  actions: {
    taskFocused: (id: string) => void;
    focusCleared: () => void;
  };
};

const useFocusStore = create<FocusState>()((set) => ({
  focusedTaskId: null,
  actions: {
    taskFocused: (id) => set((s) => (s.focusedTaskId === id ? s : { focusedTaskId: id })),
    focusCleared: () => set({ focusedTaskId: null }),
  },
}));

export const useFocusedTaskId = () => useFocusStore((s) => s.focusedTaskId);
export const useIsTaskFocused = (id: string) => useFocusStore((s) => s.focusedTaskId === id);
export const useFocusActions = () => useFocusStore((s) => s.actions);
export const focusedTaskIdNow = () => useFocusStore.getState().focusedTaskId;

type TaskScroller = (taskId: string) => void;
let scroller: TaskScroller | null = null;

/** The visible list registers how to bring a task into view (it may not be rendered: virtualized). */
export function registerTaskScroller(fn: TaskScroller): () => void {
  scroller = fn;
  return () => {
    if (scroller === fn) scroller = null;
  };
}

export function scrollTaskIntoView(taskId: string): void {
  scroller?.(taskId);
}
