import { type Range, type Virtualizer, defaultRangeExtractor, measureElement as measureRow, useWindowVirtualizer } from '@tanstack/react-virtual';
import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Task, TaskView } from '@/shared/close/schemas';
import { type Density, useDensity } from '../stores/density-store';
import { selectionActions } from '../stores/selection-store';
import { focusActions, focusedTaskIdNow, registerTaskSource, successorOf } from '../stores/focus-store';
import type { TaskListRow } from '../utils/group-tasks';
import { estimateRowSize, isWithinView, rememberRowHeight } from '../utils/row-size';
import { CompactTaskRow } from './compact-task-row';
import { GroupHeader } from './group-header';
import { TaskCard, type TaskCardProps } from './task-card';

export type TaskListProps = {
  view: TaskView;
  rows: readonly TaskListRow[];
  timeZone: string;
  nowMs: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
};

const HEADER_ESTIMATE = 40;
const GAP = 8;
/**
 * Rows the virtualizer renders beyond each edge of the viewport. Each one is a whole card to
 * mount while scrolling; two keep the next keyboard move's card ready without making every
 * frame of a fast scroll build nearly twice the cards that are seen (six did).
 */
const OVERSCAN = 2;

/**
 * On the server (the first view, src/app/entry-server.tsx) there is no window to measure: the
 * rows of a tall screen are rendered, in the page's flow rather than at estimated offsets, so
 * cards of any height sit right until the browser's render takes over. With classes, not style
 * attributes: the CSP (style-src 'self') refuses those in a page's markup.
 */
const SERVER_RENDER = typeof window === 'undefined';
const SERVER_VIEWPORT = { width: 1280, height: 1200 };

/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD_ROWS = 15;
/**
 * A card the keyboard moves to is scrolled clear of the sticky group header above and of the bulk
 * bar and toasts below, so the focused card is never hidden under them (WCAG 2.4.11).
 */
const SCROLL_PADDING_START = HEADER_ESTIMATE + GAP;
const SCROLL_PADDING_END = 112;

/**
 * Measures a row. A row mounted outside the viewport (overscan) is not measured synchronously as
 * it mounts, which would force a layout in the middle of the commit (completing a task mounts one
 * at the bottom); its ResizeObserver entry, which comes with the next layout, measures it instead.
 */
function measureListRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<Window, Element>): number {
  // A placeholder is as tall as its type's estimate already; learning from it would learn nothing,
  // and a compact row says nothing about the height of a card of its type.
  const skip = element.firstElementChild?.hasAttribute('data-placeholder') || (element as HTMLElement).dataset.density === 'compact';
  const type = skip ? undefined : (element as HTMLElement).dataset.rowType;
  if (!entry) {
    const index = instance.indexFromElement(element);
    const item = instance.measurementsCache[index];
    const top = instance.scrollOffset ?? 0;
    const bottom = top + (instance.scrollRect?.height ?? 0);
    if (item && !instance.itemSizeCache.has(item.key) && (item.end <= top || item.start >= bottom)) return item.size;
  }
  const size = measureRow(element, entry, instance);
  if (type) rememberRowHeight(type, size);
  return size;
}

/**
 * A card that enters the list while it scrolls, or below or above the viewport, mounts first as
 * a placeholder of the height its type is expected to have, and becomes the card in a
 * transition: React builds the cards in slices between frames and drops the work for cards that
 * have already scrolled past. Mounting every card of two screens in the frame that scrolls to
 * them made fast scrolling a run of long tasks (ADR 0010), during which no key press or click is
 * handled; and completing a task mounted a whole card in the overscan below in the frame that
 * removes the completed one. A card that enters the viewport of a list at rest (first view, a
 * completed task's successor) mounts whole at once.
 */
const TaskRow = memo(function TaskRow({ deferred, height, density, ...card }: TaskCardProps & { deferred: boolean; height: number; density: Density }) {
  const [ready, setReady] = useState(!deferred);
  useEffect(() => {
    if (!ready) startTransition(() => setReady(true));
  }, [ready]);
  if (!ready) {
    return <div aria-hidden="true" data-placeholder="" className="rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" style={{ height: height - gapOf(density) }} />;
  }
  return density === 'compact' ? <CompactTaskRow {...card} /> : <TaskCard {...card} />;
});

/** Cards have air between them; compact rows are ruled lines. */
const gapOf = (density: Density) => (density === 'compact' ? 0 : GAP);

/**
 * The list, virtualized with the window as the scroller: group headers and cards are one flat
 * run of rows, only those near the viewport are in the DOM (10,000 loaded tasks stay a few dozen
 * elements), and each row is measured, so cards of any height sit without gaps. The current
 * group's header sticks to the top.
 */
/**
 * Keeps the keyboard's place in the list. On first show the first task is focused (no DOM focus:
 * `e` works at once, nothing scrolls). When the focused task leaves the list (completed, snoozed,
 * changed in another tab), focus moves to the task that took its place, before the browser
 * paints; that card takes the browser's focus too if the removed one had it (focus would
 * otherwise fall to <body>), not when the user is elsewhere, such as in a filter.
 */
function useFocusFollowsRemoval(ids: readonly string[], scrollTo: (id: string) => void) {
  const previous = useRef<readonly string[] | null>(null);
  useLayoutEffect(() => {
    const before = previous.current;
    if (before === ids) return;
    previous.current = ids;
    const focused = focusedTaskIdNow();
    // The common case, cheaply: the focused task is still there (10,000 ids: no Set built).
    if (focused && ids.includes(focused)) return;
    const next = focused && before ? successorOf(focused, before, new Set(ids)) : null;
    if (next) {
      const active = document.activeElement;
      const lostFocus = !active || active === document.body || !active.isConnected;
      focusActions().taskFocusMoved(next, { dom: lostFocus });
      scrollTo(next);
      return;
    }
    const first = ids[0];
    if (first) focusActions().taskFocusMoved(first, { dom: false });
    else focusActions().focusCleared();
  });
}

export function TaskList({ view, rows, timeZone, nowMs, hasNextPage, isFetchingNextPage, fetchNextPage }: TaskListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const measure = () => setScrollMargin(el.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => observer.disconnect();
  }, []);

  const groupIndexes = useMemo(() => {
    const indexes: number[] = [];
    for (let i = 0; i < rows.length; i++) if (rows[i]!.kind === 'group') indexes.push(i);
    return indexes;
  }, [rows]);
  const activeGroupIndex = useRef(0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      let active = 0;
      for (const i of groupIndexes) {
        if (i <= range.startIndex) active = i;
        else break;
      }
      activeGroupIndex.current = active;
      const indexes = new Set([active, ...defaultRangeExtractor(range)]);
      return [...indexes].filter((i) => i < range.count).sort((a, b) => a - b);
    },
    [groupIndexes],
  );

  const density = useDensity();
  const count = rows.length + (hasNextPage ? 1 : 0);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: (i) => estimateRowSize(rows[i], density),
    measureElement: measureListRow,
    overscan: OVERSCAN,
    scrollMargin,
    scrollPaddingStart: SCROLL_PADDING_START,
    scrollPaddingEnd: SCROLL_PADDING_END,
    getItemKey: (i) => rows[i]?.key ?? 'loading-more',
    rangeExtractor,
    ...(SERVER_RENDER ? { initialRect: SERVER_VIEWPORT } : {}),
  });
  // Every row changes height with the density: measured sizes start over.
  const shownDensity = useRef(density);
  useLayoutEffect(() => {
    if (shownDensity.current === density) return;
    shownDensity.current = density;
    virtualizer.measure();
  }, [density, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const scrolling = virtualizer.isScrolling;
  const viewTop = virtualizer.scrollOffset ?? 0;
  const viewHeight = virtualizer.scrollRect?.height ?? 0;
  /** Rows in the overscan can wait for their card: no one sees them yet. */
  const outOfView = (item: { start: number; end: number }) => viewHeight > 0 && (item.end <= viewTop || item.start >= viewTop + viewHeight);

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - LOAD_AHEAD_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  // Ordered tasks for shift-click ranges and keyboard moves, read at event time (callbacks stay stable).
  const [orderedTasks, ids] = useMemo(() => {
    const tasks: Task[] = [];
    const taskIds: string[] = [];
    for (const r of rows) {
      if (r.kind !== 'task') continue;
      tasks.push(r.task);
      taskIds.push(r.task.id);
    }
    return [tasks, taskIds] as const;
  }, [rows]);
  const orderedIds = useRef<string[]>([]);
  orderedIds.current = ids;
  const onSelectClick = useCallback((taskId: string, shiftKey: boolean) => {
    if (shiftKey) selectionActions().rangeToggled(taskId, orderedIds.current);
    else selectionActions().taskToggled(taskId);
  }, []);

  // Lets the keyboard walk the loaded tasks and bring one that is not rendered into view.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const tasksRef = useRef<readonly Task[]>(orderedTasks);
  tasksRef.current = orderedTasks;
  // Brings a task's card into view, and leaves the page alone when it is already in view: a
  // scroll call costs a forced layout even when it moves nothing, and after a completion the
  // card that takes focus is almost always the one that just moved up into the removed one's place.
  const scrollTaskIntoList = useCallback(
    (taskId: string) => {
      const index = rowsRef.current.findIndex((r) => r.kind === 'task' && r.task.id === taskId);
      if (index < 0) return;
      const item = virtualizer.measurementsCache[index];
      const top = virtualizer.scrollOffset ?? 0;
      const height = virtualizer.scrollRect?.height ?? 0;
      if (item && height > 0 && isWithinView(item, top + SCROLL_PADDING_START, top + height - SCROLL_PADDING_END)) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer],
  );
  useEffect(() => registerTaskSource({ tasks: () => tasksRef.current, scrollTo: scrollTaskIntoList }), [scrollTaskIntoList]);
  useFocusFollowsRemoval(orderedIds.current, scrollTaskIntoList);

  if (SERVER_RENDER) return <ServerRenderedRows rows={rows} items={items.filter((item) => !outOfView(item))} view={view} timeZone={timeZone} nowMs={nowMs} />;

  return (
    <div ref={listRef} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const row = rows[item.index];
        const isSticky = row?.kind === 'group' && item.index === activeGroupIndex.current;
        const style: React.CSSProperties = isSticky
          ? { position: 'sticky', top: 0, zIndex: 2 }
          : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - scrollMargin}px)` };
        if (!row) {
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={style}>
              <p role="status" className="py-4 text-center text-sm text-slate-600 dark:text-slate-400">
                {isFetchingNextPage ? 'Loading more tasks…' : 'More tasks below'}
              </p>
            </div>
          );
        }
        if (row.kind === 'group') {
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={style}>
              <GroupHeader group={row.group} />
            </div>
          );
        }
        return (
          <div
            key={item.key}
            data-index={item.index}
            data-row-type={row.task._type}
            data-density={density}
            data-group={row.groupKey}
            data-group-label={row.groupLabel}
            ref={virtualizer.measureElement}
            style={{ ...style, paddingBottom: gapOf(density) }}
          >
            <TaskRow
              density={density}
              task={row.task}
              view={view}
              timeZone={timeZone}
              nowMs={nowMs}
              onSelectClick={onSelectClick}
              deferred={scrolling || outOfView(item)}
              height={item.size}
            />
          </div>
        );
      })}
    </div>
  );
}

/** The first screen of rows as the server renders it (see SERVER_RENDER); no handlers run there. */
function ServerRenderedRows({ rows, items, view, timeZone, nowMs }: { rows: readonly TaskListRow[]; items: readonly { index: number; key: React.Key }[] } & Pick<TaskListProps, 'view' | 'timeZone' | 'nowMs'>) {
  return (
    <div className="relative w-full">
      {items.map(({ index, key }) => {
        const row = rows[index];
        if (!row) return null;
        if (row.kind === 'group') {
          return (
            <div key={key} className="sticky top-0 z-[2]">
              <GroupHeader group={row.group} />
            </div>
          );
        }
        return (
          <div key={key} data-row-type={row.task._type} className="pb-2">
            <TaskCard task={row.task} view={view} timeZone={timeZone} nowMs={nowMs} onSelectClick={ignoreSelectClick} />
          </div>
        );
      })}
    </div>
  );
}

function ignoreSelectClick(): void {}
