/**
 * What Undo can put back: one entry per successful action, newest last, each with the previous
 * values of every task it touched. The toast's Undo button and the `z` shortcut both take from here.
 */
import { create } from 'zustand';
import type { TaskRestore } from '../api/restore-tasks';
import type { TaskChange } from '../api/task-cache';

export type UndoEntry = {
  id: string;
  /** "completing “Call Dana”", "reassigning 312 tasks": reads after "Undid" / "Couldn't undo". */
  label: string;
  restore: TaskRestore[];
  changes: TaskChange[];
  timeZone: string;
};

const MAX_ENTRIES = 20;

type UndoState = {
  entries: UndoEntry[];
  actions: {
    undoRecorded: (entry: UndoEntry) => void;
    undoTaken: (id: string) => UndoEntry | null;
  };
};

const useUndoStore = create<UndoState>()((set, get) => ({
  entries: [],
  actions: {
    undoRecorded: (entry) => set((s) => ({ entries: [...s.entries, entry].slice(-MAX_ENTRIES) })),
    undoTaken: (id) => {
      const entry = get().entries.find((e) => e.id === id) ?? null;
      if (entry) set((s) => ({ entries: s.entries.filter((e) => e.id !== id) }));
      return entry;
    },
  },
}));

export const useCanUndo = () => useUndoStore((s) => s.entries.length > 0);
export const undoActions = () => useUndoStore.getState().actions;
export const latestUndoEntry = () => useUndoStore.getState().entries.at(-1) ?? null;
