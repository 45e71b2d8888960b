/**
 * Which dialog is open and what it acts on. Dialogs live at the app shell, not in a card, so a
 * card scrolled out of the virtual list (or removed by an action) cannot take its dialog with it,
 * and a keyboard shortcut can open the same dialog as a button.
 */
import { create } from 'zustand';
import type { Task } from '@/shared/close/schemas';
import type { BulkPlan } from '../utils/bulk-plan';

/** One task, or the current selection. */
export type ActionTarget = { kind: 'task'; task: Task } | { kind: 'selection' };

export type OpenDialog =
  | { kind: 'snooze'; target: ActionTarget }
  | { kind: 'reassign'; target: ActionTarget }
  | { kind: 'bulk-preview'; plan: BulkPlan }
  | { kind: 'new-task' }
  /** One task, large, with its actions (Enter / o). */
  | { kind: 'detail'; task: Task }
  /** A text back or an email reply from the task (r). */
  | { kind: 'reply'; task: Task }
  /** Complete with a note kept with the completion (Shift+E, where the backend keeps one). */
  | { kind: 'complete-note'; task: Task }
  | { kind: 'shortcuts' }
  | { kind: 'palette' };

type DialogState = {
  dialog: OpenDialog | null;
  actions: {
    dialogOpened: (dialog: OpenDialog) => void;
    dialogClosed: () => void;
  };
};

const useDialogStore = create<DialogState>()((set) => ({
  dialog: null,
  actions: {
    dialogOpened: (dialog) => set({ dialog }),
    dialogClosed: () => set({ dialog: null }),
  },
}));

export const useOpenDialog = () => useDialogStore((s) => s.dialog);
export const openDialogNow = () => useDialogStore.getState().dialog;
export const useDialogActions = () => useDialogStore((s) => s.actions);
export const dialogActions = () => useDialogStore.getState().actions;
