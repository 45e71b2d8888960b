/**
 * The pure part of "Move tasks": how many each target gets when the spread follows current load,
 * what the screen previews and reports, and how Undo groups the tasks back by their previous owner.
 */

export type MoveSlice = 'overdue' | 'today' | 'future' | 'open';

export const MOVE_SLICES: readonly MoveSlice[] = ['overdue', 'today', 'future', 'open'];

export const SLICE_LABELS: Record<MoveSlice, string> = { overdue: 'Overdue', today: 'Due today', future: 'Future', open: 'All open' };

/** How many of a rep's tasks a slice holds, from their counts. */
export function sliceCount(counts: { overdue: number; today: number; future: number }, slice: MoveSlice): number {
  return slice === 'open' ? counts.overdue + counts.today + counts.future : counts[slice];
}

export type RepLoad = { userId: string; load: number };

/**
 * How many of `total` tasks each target gets so that their loads end as even as they can be
 * (the least loaded fill up first, "water filling"); ties go to the earlier target. Sums to total.
 */
export function loadBalancedShares(total: number, targets: readonly RepLoad[]): Array<{ userId: string; count: number }> {
  const shares = targets.map((t) => ({ userId: t.userId, count: 0 }));
  if (targets.length === 0 || total <= 0) return shares;
  const loads = targets.map((t) => Math.max(0, t.load));
  const sorted = [...loads].sort((a, b) => a - b);
  // The level L every target below it is raised to: the largest with sum(max(0, L - load)) <= total.
  let level = sorted[0]!;
  let remaining = total;
  for (let i = 0; i < sorted.length; i++) {
    const next = i + 1 < sorted.length ? sorted[i + 1]! : Infinity;
    const width = i + 1;
    const step = Math.min(next - level, Math.floor(remaining / width));
    level += step;
    remaining -= step * width;
    if (level < next) break;
  }
  loads.forEach((load, i) => {
    shares[i]!.count = Math.max(0, level - load);
  });
  // What is left (fewer than the targets at the level) goes one each, least loaded first.
  let left = total - shares.reduce((sum, s) => sum + s.count, 0);
  const order = loads.map((load, i) => ({ at: load + shares[i]!.count, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    shares[i]!.count++;
    left--;
  }
  return shares;
}

export type MovedTask = { id: string; from: string; to: string };

/** Undo's groups: one bulk request per previous owner puts theirs back. */
export function undoGroups(moved: readonly MovedTask[]): Array<{ assignedTo: string; ids: string[] }> {
  const groups = new Map<string, string[]>();
  for (const task of moved) {
    const ids = groups.get(task.from) ?? [];
    ids.push(task.id);
    groups.set(task.from, ids);
  }
  return [...groups].map(([assignedTo, ids]) => ({ assignedTo, ids }));
}

/** "Moved 200 tasks: Maya 67, Jonas 67, Priya 66" (first names; counts in the plan's order). */
export function describeMove(counts: ReadonlyArray<{ name: string; count: number }>, verb = 'Moved'): string {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const parts = counts.filter((c) => c.count > 0).map((c) => `${c.name} ${c.count.toLocaleString('en-US')}`);
  const noun = total === 1 ? 'task' : 'tasks';
  return parts.length ? `${verb} ${total.toLocaleString('en-US')} ${noun}: ${parts.join(', ')}` : `${verb} no tasks`;
}

export type PreviewRow = { userId: string; before: number; change: number; after: number };

/** Each affected rep's open count before and after: sources lose, targets gain. */
export function previewCounts(
  openCounts: ReadonlyMap<string, number>,
  taken: ReadonlyArray<{ userId: string; count: number }>,
  given: ReadonlyArray<{ userId: string; count: number }>,
): PreviewRow[] {
  const change = new Map<string, number>();
  for (const t of taken) change.set(t.userId, (change.get(t.userId) ?? 0) - t.count);
  for (const g of given) change.set(g.userId, (change.get(g.userId) ?? 0) + g.count);
  return [...change].map(([userId, delta]) => {
    const before = openCounts.get(userId) ?? 0;
    return { userId, before, change: delta, after: Math.max(0, before + delta) };
  });
}
