/**
 * How tall the virtual list expects a row to be before it is measured. A card's height follows
 * from its type (the title and the meta line never wrap; bodies differ by type), so each type's
 * last measured height is the estimate for the next card of that type, with heights measured at
 * 1280 px as the first guess. A row whose estimate is right is placed right at once: no second
 * render to move the rows below it and no scroll correction, which made fast scrolling over
 * thousands of cards a run of long tasks when every card was guessed at one height.
 */
import type { TaskListRow } from './group-tasks';

export const HEADER_HEIGHT = 40;
/** A compact row (one line, h-9 with its bottom border inside); every type the same, no gap below. */
export const COMPACT_ROW_HEIGHT = 36;
/** Most types' card plus the gap below it. */
const DEFAULT_ROW_HEIGHT = 153;

const FIRST_GUESS: ReadonlyArray<[string, number]> = [
  ['lead', 129],
  ['missed_call', 129],
  ['voicemail', 161],
  ['answered_detached_call', 161],
];

const rowHeights = new Map<string, number>(FIRST_GUESS);

/** `undefined` is the "loading more" row after the last task. */
export function estimateRowSize(row: TaskListRow | undefined, density: 'comfortable' | 'compact' = 'comfortable'): number {
  if (!row || row.kind === 'group') return HEADER_HEIGHT;
  if (density === 'compact') return COMPACT_ROW_HEIGHT;
  return rowHeights.get(row.task._type) ?? DEFAULT_ROW_HEIGHT;
}

export function rememberRowHeight(taskType: string, height: number): void {
  if (height > 0) rowHeights.set(taskType, height);
}

/** Back to the first guesses (tests). */
export function resetRowHeights(): void {
  rowHeights.clear();
  for (const [type, height] of FIRST_GUESS) rowHeights.set(type, height);
}

/** Whether a row lies wholly between `top` and `bottom` (page offsets). */
export function isWithinView(item: { start: number; end: number }, top: number, bottom: number): boolean {
  return item.start >= top && item.end <= bottom;
}
