/**
 * A small fuzzy matcher for the command palette: every character of the query must appear in the
 * text in order ("cmp" finds "Complete"). Matches at the start of a word, and runs of consecutive
 * characters, score higher, so "go a" ranks "Go to Archive" above "Go to Inbox… reassign".
 * Case- and accent-insensitive.
 */

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A score (higher is better), or null when the text does not match. An empty query matches all with 0. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = fold(query).replace(/\s+/g, ' ').trim();
  if (!q) return 0;
  const t = fold(text);
  // A plain substring is the strongest signal, earlier better.
  const direct = t.indexOf(q);
  if (direct >= 0) return 1_000 - direct + (direct === 0 || t[direct - 1] === ' ' ? 200 : 0);

  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    if (ch === ' ') {
      run = 0;
      continue;
    }
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    const wordStart = found === 0 || t[found - 1] === ' ' || t[found - 1] === '-';
    run = found === ti ? run + 1 : 0;
    score += 10 + (wordStart ? 15 : 0) + run * 5 - Math.min(found - ti, 10);
    ti = found + 1;
  }
  return score;
}

/** The items that match, best first (ties keep their order). */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((r): r is { item: T; index: number; score: number } => r.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.item);
}
