/**
 * Counting the tasks of each class in one ordered listing without reading all of it: open tasks
 * by date fall into overdue, then today, then future (classes that never decrease along the
 * listing), so three positions tell the three counts: where "today" starts, where "future"
 * starts, and where the listing ends. Each is searched for like the end of a listing
 * (count-workload.ts): pages at doubling distances until one is past it, then halving back; and
 * every page probed tells something about all three, so they share their probes.
 */

/** One page of the listing: each item's class (0, 1, 2…, never decreasing), and whether more follow. */
export type ClassPage = { classes: readonly number[]; hasMore: boolean };
export type ClassProbe = (skip: number) => Promise<ClassPage>;

/**
 * Where a boundary lies: lo <= position <= hi. `hint`: the page its search starts on; when that
 * misses, the page next to it in the direction it missed is tried once (`retried`) before searching.
 */
type Boundary = { lo: number; hi: number; gap: number; hint: number | null; retried: boolean };

/** Past this many probes the listing is changing faster than it can be counted. */
const MAX_PROBES = 400;

/**
 * How many items of each class 0..classCount-1 the listing holds. `hints`: the counts it had
 * lately, where each search starts.
 */
export async function countClasses(probe: ClassProbe, classCount: number, pageSize: number, hints?: readonly number[]): Promise<number[]> {
  // Boundary c-1 is where class c starts (c = 1…classCount-1); the last is the end of the listing.
  const starts = hints && hints.length === classCount ? hints.map((_, c) => hints.slice(0, c + 1).reduce((a, b) => a + b, 0)) : null;
  const isEnd = (b: number) => b === classCount - 1;
  let bounds: Boundary[] = [];
  let seen = new Map<number, ClassPage>();
  const reset = (withHints: boolean) => {
    bounds = Array.from({ length: classCount }, (_, b) => {
      // The page that decides a boundary: the one holding its first item, or the last item for the end.
      const hint = withHints && starts ? Math.floor(Math.max(0, isEnd(b) ? starts[b]! - 1 : starts[b]!) / pageSize) : null;
      return { lo: 0, hi: Number.POSITIVE_INFINITY, gap: 1, hint, retried: false };
    });
    seen = new Map();
  };
  reset(true);

  const observe = (page: number, { classes, hasMore }: ClassPage) => {
    const start = page * pageSize;
    bounds.forEach((bound, b) => {
      if (classes.length === 0) {
        bound.hi = Math.min(bound.hi, start);
        return;
      }
      const j = isEnd(b) ? -1 : classes.findIndex((cls) => cls >= b + 1);
      if (j === -1) {
        const after = start + classes.length;
        bound.lo = Math.max(bound.lo, isEnd(b) && hasMore ? after + 1 : after);
        if (!hasMore) bound.hi = Math.min(bound.hi, after);
      } else {
        bound.hi = Math.min(bound.hi, start + j);
        // The classes never decrease, so everything before the page is below b + 1 too.
        if (j > 0) bound.lo = Math.max(bound.lo, start + j);
      }
    });
  };

  let probes = 0;
  for (;;) {
    if (bounds.some((bound) => bound.lo > bound.hi)) {
      // The listing changed under the search: start over.
      reset(false);
      continue;
    }
    const open = bounds.find((bound) => bound.lo !== bound.hi);
    if (!open) break;
    let page: number | null;
    const hinted = open.hint !== null && !seen.has(open.hint);
    if (hinted) page = open.hint;
    else if (open.hi === Number.POSITIVE_INFINITY) {
      page = Math.floor(open.lo / pageSize) + open.gap - 1;
      open.gap *= 2;
      while (seen.has(page)) page++;
    } else {
      page = Math.floor((open.lo + open.hi) / 2 / pageSize);
      if (seen.has(page)) page = nearestUnseen(seen, Math.floor(open.lo / pageSize), Math.floor(open.hi / pageSize), page);
    }
    open.hint = null;
    if (page === null) {
      reset(false);
      continue;
    }
    if (++probes > MAX_PROBES) throw new Error('The task list kept changing while it was being counted; try again.');
    const answer = await probe(page * pageSize);
    seen.set(page, answer);
    observe(page, answer);
    if (hinted && !open.retried && open.lo !== open.hi) {
      open.retried = true;
      if (open.hi <= page * pageSize && page > 0) open.hint = page - 1;
      else if (open.lo >= (page + 1) * pageSize) open.hint = page + 1;
    }
  }
  return bounds.map((bound, b) => bound.lo - (b === 0 ? 0 : bounds[b - 1]!.lo));
}

function nearestUnseen(seen: ReadonlyMap<number, ClassPage>, from: number, to: number, near: number): number | null {
  for (let d = 1; d <= Math.max(near - from, to - near) + 1; d++) {
    if (near - d >= from && !seen.has(near - d)) return near - d;
    if (near + d <= to && !seen.has(near + d)) return near + d;
  }
  return null;
}
