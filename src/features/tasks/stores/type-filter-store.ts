/** Whether the type filter's panel is open; `/` opens it from anywhere and puts focus inside. */
import { create } from 'zustand';

type TypeFilterState = {
  open: boolean;
  /** Set by the shortcut: the panel focuses its first box once it is shown. */
  focusInside: boolean;
  actions: {
    typeFilterToggled: (open: boolean) => void;
    typeFilterRequested: () => void;
    focusMovedInside: () => void;
  };
};

const useTypeFilterStore = create<TypeFilterState>()((set) => ({
  open: false,
  focusInside: false,
  actions: {
    typeFilterToggled: (open) => set({ open, focusInside: false }),
    typeFilterRequested: () => set({ open: true, focusInside: true }),
    focusMovedInside: () => set({ focusInside: false }),
  },
}));

export const useTypeFilterOpen = () => useTypeFilterStore((s) => s.open);
export const useTypeFilterFocusInside = () => useTypeFilterStore((s) => s.focusInside);
export const useTypeFilterActions = () => useTypeFilterStore((s) => s.actions);
export const typeFilterActions = () => useTypeFilterStore.getState().actions;
