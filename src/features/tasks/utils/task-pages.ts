/**
 * Pure edits of a cached, paged task list: the optimistic half of every task action.
 * Pages keep their boundaries (the next page is fetched at `_skip` = the previous skip + limit),
 * so a task is removed from the page it is in and inserted into the page its date belongs to.
 */
import { type InfiniteData, replaceEqualDeep } from '@tanstack/react-query';
import type { Task } from '@/shared/close/schemas';
import { tzOffsetHours } from '@/shared/close/zones';
import { type TaskListFilters, compareTasksForView, taskMatchesFilters } from './task-view-rules';

export type TaskPage = { data: Task[]; has_more: boolean };
export type TaskPages = InfiniteData<TaskPage, number>;

/**
 * Structural sharing for a task list's pages (the list query's `structuralSharing`): a task keeps
 * its object when it is unchanged, matched by id. TanStack Query's default matches array items
 * by position, so once one task leaves a page every task after it lands on another's slot and
 * comes out as a fresh copy of itself: each completion re-rendered every card below the removed
 * one, as if they had all changed.
 */
export function shareTaskPages(previous: unknown, next: unknown): unknown {
  if (!isTaskPages(previous) || !isTaskPages(next)) return replaceEqualDeep(previous, next);
  // Built only when a task is not where it was: a refetch of an unchanged list, or loading the
  // next page, stays a walk of the slots (10,000 loaded tasks need not be indexed per page).
  let known: Map<string, Task> | null = null;
  const previousCopy = (id: string): Task | undefined => {
    if (!known) {
      known = new Map();
      for (const page of previous.pages) for (const task of page.data) known.set(task.id, task);
    }
    return known.get(id);
  };
  const pages = next.pages.map((page, p) => {
    const before = previous.pages[p];
    if (page === before) return before;
    // A page that was not loaded before brings new tasks; nothing to share.
    if (!before) return page;
    let samePage = before.data.length === page.data.length && before.has_more === page.has_more;
    const data = page.data.map((task, i) => {
      const inSlot = before.data[i];
      const old = inSlot?.id === task.id ? inSlot : previousCopy(task.id);
      const shared = old ? (replaceEqualDeep(old, task) as Task) : task;
      if (inSlot !== shared) samePage = false;
      return shared;
    });
    if (samePage) return before;
    return { ...page, data };
  });
  const pageParams = replaceEqualDeep(previous.pageParams, next.pageParams);
  const samePages = pages.length === previous.pages.length && pages.every((page, p) => page === previous.pages[p]);
  return samePages && pageParams === previous.pageParams ? previous : { ...next, pages, pageParams };
}

function isTaskPages(value: unknown): value is TaskPages {
  const pages = (value as TaskPages | undefined)?.pages;
  return Array.isArray(pages) && pages.every((page) => Array.isArray(page?.data));
}

/** Every loaded task once, in list order (a task can repeat across pages when the list shifted between fetches). */
export function flattenTaskPages(pages: InfiniteData<TaskPage, unknown> | undefined): Task[] {
  if (!pages) return [];
  const seen = new Set<string>();
  const out: Task[] = [];
  for (const page of pages.pages) {
    for (const task of page.data) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      out.push(task);
    }
  }
  return out;
}

export function hasMorePages(pages: InfiniteData<TaskPage, unknown> | undefined): boolean {
  return pages?.pages[pages.pages.length - 1]?.has_more ?? false;
}

export type ReconcileResult = {
  pages: TaskPages;
  /** How the number of matching tasks changed (for the tab counts), loaded or not. */
  countDelta: number;
};

/**
 * Puts each task where it now belongs in one list: out of the list if it no longer matches,
 * into its place by date if it does. A task whose place lies beyond the loaded pages is left for
 * the next page to bring. `before` tells whether each task matched the list before the change
 * (so counts move even when the task was never loaded).
 */
export function reconcileTasksInPages(
  pages: TaskPages,
  changes: ReadonlyArray<{ before: Task | null; after: Task | null }>,
  filters: TaskListFilters,
  nowMs: number,
): ReconcileResult {
  const offset = tzOffsetHours(filters.timeZone, nowMs);
  const ids = new Set<string>();
  for (const c of changes) {
    const id = c.after?.id ?? c.before?.id;
    if (id) ids.add(id);
  }
  let countDelta = 0;
  const next = pages.pages.map((page) => ({ ...page, data: page.data.filter((t) => !ids.has(t.id)) }));
  const lastPage = next[next.length - 1];
  const listIsComplete = lastPage ? !lastPage.has_more : true;

  for (const { before, after } of changes) {
    const wasIn = before ? taskMatchesFilters(before, filters, nowMs) : false;
    const isIn = after ? taskMatchesFilters(after, filters, nowMs) : false;
    countDelta += Number(isIn) - Number(wasIn);
    if (!after || !isIn) continue;
    insertInOrder(next, after, filters, offset, listIsComplete);
  }

  return { pages: { ...pages, pages: next }, countDelta };
}

function insertInOrder(pages: TaskPage[], task: Task, filters: TaskListFilters, offset: number, listIsComplete: boolean): void {
  for (const page of pages) {
    const at = page.data.findIndex((t) => compareTasksForView(task, t, filters.view, offset) < 0);
    if (at >= 0) {
      page.data.splice(at, 0, task);
      return;
    }
  }
  // After everything loaded: append only when nothing is left to load, else the next page brings it.
  const last = pages[pages.length - 1];
  if (last && listIsComplete) last.data.push(task);
}

/** Finds the loaded copy of each id across lists (the freshest list wins when they differ). */
export function findLoadedTasks(lists: ReadonlyArray<TaskPages | undefined>, ids: Iterable<string>): Map<string, Task> {
  const wanted = new Set(ids);
  const found = new Map<string, Task>();
  for (const list of lists) {
    if (!list) continue;
    for (const page of list.pages) {
      for (const task of page.data) {
        if (!wanted.has(task.id)) continue;
        const prev = found.get(task.id);
        if (!prev || prev.date_updated < task.date_updated) found.set(task.id, task);
      }
    }
  }
  return found;
}
