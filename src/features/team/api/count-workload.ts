/**
 * A rep's workload as the API answers it in the rep's zone: open tasks overdue (before the start
 * of their today), due today, due from their tomorrow on, and tasks done in their last 7 days.
 *
 * Close has no count: a list answers `data` and `has_more` only. So each count is a search over
 * the listing's pages (200 a page): a page at `_skip=s` that is neither empty nor followed by more
 * holds the last task, and the count is `s` plus its length. Pages further out are probed at
 * doubling distances until one is empty, then halved down to that last page: about
 * 2·log2(count/200) requests instead of count/200 (12 instead of 500 for 100,000 tasks), and one
 * when a count stayed on the page it was on last time (the hint).
 *
 * The open tasks are one listing by date (`_fields=id,date`): overdue ones first, then today's,
 * then future ones, so the places where today's and the future's begin and where the listing ends
 * give all three counts, and each page probed narrows all three searches (utils/count-classes.ts).
 * Should a task come without a readable date, the three are counted by their own filters instead.
 * "Done (7 days)" is a listing of its own (`_fields=id`). Every rep's counts run at once through
 * one pool that keeps a few requests in flight and waits out a 429 as the API asks.
 *
 * Every request carries the rep's zone's `x-tz-offset`, and "today" is the rep's calendar day in
 * that zone, sent as date-only bounds the API reads at the rep's local midnight.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { ApiError } from '@/lib/api-client';
import { taskApi } from '@/lib/task-api';
import { type CloseDate, addDaysToDay, compareCloseDates, localDayAt, parseCloseDate } from '@/shared/close/dates';
import { MAX_LIMIT } from '@/shared/close/schemas';
import type { TaskFilterInput } from '@/shared/close/task-filters';
import { type TaskSlice, taskSliceFilters } from '@/shared/close/task-slices';
import { tzOffsetHours } from '@/shared/close/zones';
import { countClasses } from '../utils/count-classes';
import { teamKeys } from './team-keys';

export type WorkloadCounts = { overdue: number; today: number; future: number; doneLast7Days: number };
export type WorkloadSlice = keyof WorkloadCounts & TaskSlice;
export const WORKLOAD_SLICES: readonly WorkloadSlice[] = ['overdue', 'today', 'future', 'doneLast7Days'];

export type WorkloadProgress = {
  /** The counts known so far. */
  counts: Partial<WorkloadCounts>;
  /** Requests sent so far for this rep. */
  requests: number;
};

export type CountWorkloadOptions = {
  userId: string;
  timeZone: string;
  signal?: AbortSignal;
  onProgress?: (progress: WorkloadProgress) => void;
  /** The last counts known: each search starts on the page its count was on. */
  hint?: WorkloadCounts;
  /** Defaults to the desk's one pool, shared by every rep's counts. */
  pool?: RequestPool;
  /** The moment "today" is taken at; defaults to now. */
  nowMs?: number;
};

/** Tasks per page: the most a page holds, so each probe sees as far as it can. */
export const COUNT_PAGE_SIZE = MAX_LIMIT;

const IdPageSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })), has_more: z.boolean() });
const DatePageSchema = z.looseObject({ data: z.array(z.looseObject({ id: z.string(), date: z.optional(z.nullable(z.string())) })), has_more: z.boolean() });

const OPEN_SLICES = ['overdue', 'today', 'future'] as const;

/** A task without a date the desk can read: the open slices are then counted one by one. */
class UndatedTask extends Error {}

/**
 * The filters of a rep's slice in the zone at `offsetHours` (every type, not Close's lead-only
 * default): the shared definition (shared/close/task-slices.ts), which the inbox's `?due=`
 * slices, and so the desk's drill-down links, list with.
 */
export function workloadSliceFilters(slice: WorkloadSlice, userId: string, nowMs: number, offsetHours: number): TaskFilterInput {
  return { ...taskSliceFilters(slice, nowMs, offsetHours), assignedTo: userId, types: null };
}

export async function countWorkload(options: CountWorkloadOptions): Promise<WorkloadCounts> {
  const { userId, timeZone, signal, onProgress, hint } = options;
  const pool = options.pool ?? deskPool;
  const nowMs = options.nowMs ?? Date.now();
  const offsetHours = tzOffsetHours(timeZone, nowMs);
  const counts: Partial<WorkloadCounts> = {};
  let requests = 0;
  const page = async (filters: TaskFilterInput, skip: number) => {
    requests++;
    const answer = await pool.run(
      () => taskApi.listTasks({ filters, fields: ['id'], limit: COUNT_PAGE_SIZE, skip, timeZone, signal }, IdPageSchema),
      signal,
    );
    return { length: answer.data.length, hasMore: answer.has_more };
  };
  const countSlice = async (slice: WorkloadSlice) => {
    const filters = workloadSliceFilters(slice, userId, nowMs, offsetHours);
    counts[slice] = await countListing((skip) => page(filters, skip), hint?.[slice]);
    onProgress?.({ counts: { ...counts }, requests });
  };
  // The open tasks by date are overdue, then today's, then future ones: one listing tells all three.
  const today = localDayAt(nowMs, offsetHours);
  const todayStarts = parseCloseDate(today)!;
  const tomorrowStarts = parseCloseDate(addDaysToDay(today, 1))!;
  // Close's own order (shared/close/dates.ts), so a task falls in the class the filters put it in.
  const classOf = (date: string | null | undefined) => {
    const parsed: CloseDate | null = date ? parseCloseDate(date) : null;
    if (!parsed) throw new UndatedTask();
    if (compareCloseDates(parsed, todayStarts, offsetHours) < 0) return 0;
    return compareCloseDates(parsed, tomorrowStarts, offsetHours) < 0 ? 1 : 2;
  };
  const openFilters: TaskFilterInput = { assignedTo: userId, types: null, isComplete: false };
  const countOpen = async () => {
    try {
      const [overdue, today, future] = await countClasses(
        async (skip) => {
          requests++;
          const answer = await pool.run(
            () => taskApi.listTasks({ filters: openFilters, orderBy: 'date', fields: ['id', 'date'], limit: COUNT_PAGE_SIZE, skip, timeZone, signal }, DatePageSchema),
            signal,
          );
          return { classes: answer.data.map((t) => classOf(t.date)), hasMore: answer.has_more };
        },
        OPEN_SLICES.length,
        COUNT_PAGE_SIZE,
        hint && OPEN_SLICES.map((slice) => hint[slice]),
      );
      Object.assign(counts, { overdue, today, future });
      onProgress?.({ counts: { ...counts }, requests });
    } catch (error) {
      if (!(error instanceof UndatedTask)) throw error;
      await Promise.all(OPEN_SLICES.map(countSlice));
    }
  };
  await Promise.all([countOpen(), countSlice('doneLast7Days')]);
  const result: WorkloadCounts = { overdue: counts.overdue!, today: counts.today!, future: counts.future!, doneLast7Days: counts.doneLast7Days! };
  lastCounts.set(hintKey(userId, timeZone), result);
  return result;
}

export type PageProbe = (skip: number) => Promise<{ length: number; hasMore: boolean }>;

/**
 * How many items a listing has, from probes of whole pages (see the top of this file). `hint`: a
 * count it had lately, where the search starts.
 */
export async function countListing(probe: PageProbe, hint?: number, pageSize: number = COUNT_PAGE_SIZE): Promise<number> {
  // The page holding the last item is `last`: low <= last < high.
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  let at = hint && hint > 0 ? Math.floor((hint - 1) / pageSize) : 0;
  let hinted = at > 0;
  let gap = 1;
  for (;;) {
    const { length, hasMore } = await probe(at * pageSize);
    if (length > 0 && !hasMore) return at * pageSize + length;
    if (length === 0) {
      if (at === 0) return 0;
      high = at;
    } else {
      low = at + 1;
    }
    if (hinted) {
      // A hint that missed is most often one page out: the page before it comes first.
      hinted = false;
      if (length === 0 && at - 1 >= low) {
        at -= 1;
        continue;
      }
    }
    if (high === Number.POSITIVE_INFINITY) {
      at = low + gap - 1;
      gap *= 2;
    } else if (low >= high) {
      // Only when the listing changed under the search (a page emptied between probes): start over.
      low = 0;
      high = Number.POSITIVE_INFINITY;
      at = 0;
      gap = 1;
    } else {
      at = Math.floor((low + high - 1) / 2);
    }
  }
}

/** Keeps at most `size` requests in flight; a 429 waits as the API asks, then the request goes again. */
export class RequestPool {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;

  constructor(
    readonly size: number,
    private readonly maxAttempts = 6,
  ) {}

  async run<T>(request: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      await this.acquire();
      try {
        signal?.throwIfAborted();
        await this.waitOutPause(signal);
        return await request();
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 429 || attempt >= this.maxAttempts) throw error;
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + (error.retryAfterMs ?? 1_000));
      } finally {
        this.release();
      }
    }
  }

  /** Resolves holding a slot, which `release` hands on. */
  private acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private async waitOutPause(signal?: AbortSignal): Promise<void> {
    const wait = this.pausedUntil - Date.now();
    if (wait <= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, wait);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    });
  }
}

/** Six in flight: what a browser opens to one host over HTTP/1.1, and well under Close's rate. */
export const DESK_CONCURRENCY = 6;
const deskPool = new RequestPool(DESK_CONCURRENCY);

const lastCounts = new Map<string, WorkloadCounts>();
const hintKey = (userId: string, timeZone: string) => `${userId} ${timeZone}`;

export const workloadQueryOptions = (userId: string, timeZone: string) =>
  queryOptions({
    queryKey: teamKeys.workload(userId, timeZone),
    queryFn: ({ signal }) => countWorkload({ userId, timeZone, signal, hint: lastCounts.get(hintKey(userId, timeZone)) }),
    staleTime: 60_000,
  });
