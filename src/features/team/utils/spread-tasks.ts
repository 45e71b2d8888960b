/**
 * Spreading tasks over reps: how many each gets (evenly, or in proportion to a weight such as the
 * inverse of their current load), which tasks those are, and the bulk requests that apply it.
 *
 * Counts follow the largest remainder: each target's exact share floored, and what is left goes one
 * each to the largest fractions, the earlier target first at a tie, so callers that list the
 * least-loaded first give them the remainders. Tasks are dealt in their given order like cards,
 * so when they come oldest first each rep gets a fair mix of old and new rather than one rep all
 * the oldest.
 */

export type SpreadTarget = { userId: string; weight?: number };
export type SpreadGroup = { userId: string; taskIds: string[] };

/** Ids per bulk `PUT /task/` (`_params.id__in` in the body): the same chunk the task views send. */
export const IDS_PER_REQUEST = 1_000;

export class SpreadError extends Error {
  override readonly name = 'SpreadError';
}

/** How many of `total` each target gets. Sums to `total`; throws for no targets or bad weights. */
export function spreadCounts(total: number, targets: readonly SpreadTarget[]): number[] {
  if (targets.length === 0) throw new SpreadError('Choose at least one rep to move the tasks to.');
  if (!Number.isSafeInteger(total) || total < 0) throw new SpreadError(`Not a number of tasks: ${total}`);
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.userId)) throw new SpreadError(`A rep is listed twice: ${t.userId}`);
    seen.add(t.userId);
    if (t.weight !== undefined && !(Number.isFinite(t.weight) && t.weight >= 0)) {
      throw new SpreadError(`A weight must be a number of 0 or more, got ${String(t.weight)} for ${t.userId}`);
    }
  }
  const weights = targets.map((t) => t.weight ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new SpreadError('Every rep has weight 0: nobody can take the tasks.');
  const exact = weights.map((w) => (total * w) / sum);
  // The epsilon keeps a share of exactly 3 computed as 2.9999999 from losing a task to rounding.
  const counts = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = counts.length - 1; left < 0; i = (i - 1 + counts.length) % counts.length) {
    if (counts[i]! > 0) {
      counts[i]!--;
      left++;
    }
  }
  const byRemainder = exact.map((x, i) => ({ i, fraction: x - counts[i]! })).filter((r) => weights[r.i]! > 0);
  byRemainder.sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]!.i]!++;
  return counts;
}

/**
 * Which tasks go to whom. Every id appears once (duplicates are dropped); groups come in the
 * targets' order, one per target, possibly empty.
 */
export function planSpread(taskIds: readonly string[], targets: readonly SpreadTarget[]): SpreadGroup[] {
  const ids = [...new Set(taskIds)];
  const counts = spreadCounts(ids.length, targets);
  const groups: SpreadGroup[] = targets.map((t) => ({ userId: t.userId, taskIds: [] }));
  // Deal each task to the target furthest behind its share (Sainte-Laguë order), the earlier at a tie.
  for (const id of ids) {
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < groups.length; i++) {
      const quota = counts[i]!;
      const given = groups[i]!.taskIds.length;
      if (given >= quota) continue;
      const score = (given + 0.5) / quota;
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    }
    groups[best]!.taskIds.push(id);
  }
  return groups;
}

/**
 * Weights that favour the less loaded: 1 / (open tasks + 1), so a rep with no tasks weighs most
 * and the shares stay finite.
 */
export function inverseLoadWeights(loads: ReadonlyArray<{ userId: string; load: number }>): SpreadTarget[] {
  return loads.map(({ userId, load }) => ({ userId, weight: 1 / (Math.max(0, load) + 1) }));
}

/** The bulk requests for a plan: each group cut into `id__in` lists of at most `size` ids; empty groups send nothing. */
export function chunkForRequests(groups: readonly SpreadGroup[], size: number = IDS_PER_REQUEST): SpreadGroup[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new SpreadError(`Not a chunk size: ${size}`);
  const chunks: SpreadGroup[] = [];
  for (const group of groups) {
    for (let at = 0; at < group.taskIds.length; at += size) chunks.push({ userId: group.userId, taskIds: group.taskIds.slice(at, at + size) });
  }
  return chunks;
}
