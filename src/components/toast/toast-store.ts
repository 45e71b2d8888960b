/**
 * Toasts: short messages at the bottom of the screen, some with one action (Undo).
 * Usable outside React (the query client's error handler shows failures through it).
 */
import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'error';

export type Toast = {
  id: string;
  tone: ToastTone;
  message: string;
  action?: { label: string; onAction: () => void; keyShortcuts?: string } | undefined;
  /** Said to screen readers after the message, e.g. "Undo available: press Z." */
  srHint?: string | undefined;
  /** null: stays until dismissed. */
  durationMs: number | null;
};

export const UNDO_TOAST_MS = 8_000;
export const INFO_TOAST_MS = 5_000;
export const ERROR_TOAST_MS = 15_000;
const MAX_TOASTS = 5;

type ToastState = {
  toasts: Toast[];
  actions: {
    toastShown: (toast: Omit<Toast, 'id'> & { id?: string }) => string;
    toastDismissed: (id: string) => void;
    toastsCleared: () => void;
  };
};

let nextId = 0;

const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  actions: {
    toastShown: (toast) => {
      const id = toast.id ?? `toast-${++nextId}`;
      set((s) => ({ toasts: [...s.toasts.filter((t) => t.id !== id), { ...toast, id }].slice(-MAX_TOASTS) }));
      return id;
    },
    toastDismissed: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    toastsCleared: () => set({ toasts: [] }),
  },
}));

export const useToasts = () => useToastStore((s) => s.toasts);
export const useToastActions = () => useToastStore((s) => s.actions);

/** For code outside components (query cache handlers, action hooks' callbacks). */
export const toastActions = () => useToastStore.getState().actions;
export const toastsNow = () => useToastStore.getState().toasts;

export function showErrorToast(message: string): string {
  return toastActions().toastShown({ tone: 'error', message, durationMs: ERROR_TOAST_MS });
}
