/**
 * Which tasks are selected for a bulk action. Either a set of loaded tasks (clicked, shift-clicked
 * ranges, "select all loaded"), or everything the view matches on the server ("all N matching"),
 * which may include tasks never loaded. Cards subscribe to one boolean each, so checking a box
 * re-renders that card and the bulk bar, not the list.
 */
import { create } from 'zustand';

type SelectionState = {
  ids: ReadonlySet<string>;
  /** The last box clicked without shift: one end of a shift-click range. */
  anchorId: string | null;
  /** "All N matching this view": the bulk action targets the view's filters, not `ids`. */
  allMatching: boolean;
  actions: {
    taskToggled: (id: string) => void;
    /** Shift-click: every task between the anchor and `id` takes the new state of `id`'s box. */
    rangeToggled: (id: string, orderedIds: readonly string[]) => void;
    allLoadedSelected: (ids: readonly string[]) => void;
    allMatchingSelected: (loadedIds: readonly string[]) => void;
    tasksDeselected: (ids: Iterable<string>) => void;
    selectionCleared: () => void;
  };
};

const EMPTY: ReadonlySet<string> = new Set();

const useSelectionStore = create<SelectionState>()((set) => ({
  ids: EMPTY,
  anchorId: null,
  allMatching: false,
  actions: {
    taskToggled: (id) =>
      set((s) => {
        const ids = new Set(s.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { ids, anchorId: id, allMatching: false };
      }),
    rangeToggled: (id, orderedIds) =>
      set((s) => {
        const to = orderedIds.indexOf(id);
        const from = s.anchorId ? orderedIds.indexOf(s.anchorId) : -1;
        if (to < 0) return s;
        const ids = new Set(s.ids);
        const select = !ids.has(id);
        const [lo, hi] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
        for (let i = lo; i <= hi; i++) {
          const current = orderedIds[i]!;
          if (select) ids.add(current);
          else ids.delete(current);
        }
        return { ids, anchorId: id, allMatching: false };
      }),
    allLoadedSelected: (ids) => set({ ids: new Set(ids), allMatching: false }),
    allMatchingSelected: (loadedIds) => set({ ids: new Set(loadedIds), allMatching: true }),
    tasksDeselected: (gone) =>
      set((s) => {
        const ids = new Set(s.ids);
        let changed = false;
        for (const id of gone) changed = ids.delete(id) || changed;
        return changed ? { ids } : s;
      }),
    selectionCleared: () => set({ ids: EMPTY, anchorId: null, allMatching: false }),
  },
}));

export const useIsTaskSelected = (id: string) => useSelectionStore((s) => s.ids.has(id));
export const useSelectedIds = () => useSelectionStore((s) => s.ids);
export const useSelectedCount = () => useSelectionStore((s) => s.ids.size);
export const useAllMatchingSelected = () => useSelectionStore((s) => s.allMatching);
export const useSelectionActions = () => useSelectionStore((s) => s.actions);
/** Outside React (action hooks reading the selection at the moment of the action). */
export const selectionSnapshot = () => {
  const { ids, allMatching } = useSelectionStore.getState();
  return { ids, allMatching };
};
export const selectionActions = () => useSelectionStore.getState().actions;
