/**
 * The desk's own state: which rows are selected (for a move from several reps), the Move dialog
 * (open for which reps), and the report of the last move (with its Undo). Server data stays in
 * the Query cache; this is only what the screen is doing.
 */
import { create } from 'zustand';
import type { MoveSlice, MovedTask } from '../utils/move-plan';

export type MoveReport = {
  /** "Moved 200 tasks: Maya 67, Jonas 67, Priya 66". */
  message: string;
  /** What did not move and why, if a request was refused. */
  problem: string | null;
  moved: MovedTask[];
  timeZone: string;
  label: string;
  undone: 'no' | 'undoing' | 'yes';
};

type DeskState = {
  selected: ReadonlySet<string>;
  /** The source reps of the open Move dialog, and the slice to start with. */
  moveFrom: { userIds: string[]; slice: MoveSlice } | null;
  report: MoveReport | null;
  actions: {
    rowToggled: (userId: string) => void;
    selectionCleared: () => void;
    moveOpened: (userIds: string[], slice?: MoveSlice) => void;
    moveClosed: () => void;
    moveReported: (report: MoveReport) => void;
    undoStarted: () => void;
    undoFinished: (ok: boolean) => void;
    reportDismissed: () => void;
  };
};

const useDeskStore = create<DeskState>()((set) => ({
  selected: new Set(),
  moveFrom: null,
  report: null,
  actions: {
    rowToggled: (userId) =>
      set((s) => {
        const selected = new Set(s.selected);
        if (!selected.delete(userId)) selected.add(userId);
        return { selected };
      }),
    selectionCleared: () => set({ selected: new Set() }),
    moveOpened: (userIds, slice = 'overdue') => set({ moveFrom: { userIds, slice } }),
    moveClosed: () => set({ moveFrom: null }),
    moveReported: (report) => set({ report, selected: new Set() }),
    undoStarted: () => set((s) => (s.report ? { report: { ...s.report, undone: 'undoing' } } : s)),
    undoFinished: (ok) => set((s) => (s.report ? { report: { ...s.report, undone: ok ? 'yes' : 'no' } } : s)),
    reportDismissed: () => set({ report: null }),
  },
}));

export const useSelectedRows = () => useDeskStore((s) => s.selected);
export const useMoveFrom = () => useDeskStore((s) => s.moveFrom);
export const useMoveReport = () => useDeskStore((s) => s.report);
export const deskActions = () => useDeskStore.getState().actions;
