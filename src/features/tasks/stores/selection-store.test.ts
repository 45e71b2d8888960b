import { afterEach, describe, expect, it } from 'vitest';
import { selectionActions, selectionSnapshot } from './selection-store';

const order = ['a', 'b', 'c', 'd', 'e'];
const selected = () => [...selectionSnapshot().ids].sort();

afterEach(() => selectionActions().selectionCleared());

describe('selection store', () => {
  it('toggles one task and selects a shift-click range from the anchor', () => {
    selectionActions().taskToggled('b');
    selectionActions().rangeToggled('d', order);
    expect(selected()).toEqual(['b', 'c', 'd']);
    // Shift-click on a selected box clears the range back to the new anchor.
    selectionActions().rangeToggled('c', order);
    expect(selected()).toEqual(['b']);
  });

  it('selects all loaded, all matching, and forgets tasks that left', () => {
    selectionActions().allLoadedSelected(order);
    expect(selectionSnapshot().allMatching).toBe(false);
    selectionActions().tasksDeselected(['a', 'e']);
    expect(selected()).toEqual(['b', 'c', 'd']);
    selectionActions().allMatchingSelected(order);
    expect(selectionSnapshot().allMatching).toBe(true);
    selectionActions().taskToggled('a');
    expect(selectionSnapshot().allMatching).toBe(false);
  });
});
