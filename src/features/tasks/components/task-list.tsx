import { defaultRangeExtractor, type Range, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TaskView } from '@/shared/close/schemas';
import { selectionActions } from '../stores/selection-store';
import { registerTaskScroller } from '../stores/focus-store';
import type { TaskListRow } from '../utils/group-tasks';
import { GroupHeader } from './group-header';
import { TaskCard } from './task-card';

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
const CARD_ESTIMATE = 136;
const GAP = 8;
/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD_ROWS = 15;

/**
 * The list, virtualized with the window as the scroller: group headers and cards are one flat
 * run of rows, only those near the viewport are in the DOM (10,000 loaded tasks stay a few dozen
 * elements), and each row is measured, so cards of any height sit without gaps. The current
 * group's header sticks to the top.
 */
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

  const groupIndexes = useMemo(() => rows.flatMap((row, i) => (row.kind === 'group' ? [i] : [])), [rows]);
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

  const count = rows.length + (hasNextPage ? 1 : 0);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: (i) => (rows[i]?.kind === 'group' ? HEADER_ESTIMATE : CARD_ESTIMATE + GAP),
    overscan: 6,
    scrollMargin,
    getItemKey: (i) => rows[i]?.key ?? 'loading-more',
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();

  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - LOAD_AHEAD_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  // Ordered task ids for shift-click ranges, read at click time (the callback stays stable).
  const orderedIds = useRef<string[]>([]);
  orderedIds.current = useMemo(() => rows.flatMap((r) => (r.kind === 'task' ? [r.task.id] : [])), [rows]);
  const onSelectClick = useCallback((taskId: string, shiftKey: boolean) => {
    if (shiftKey) selectionActions().rangeToggled(taskId, orderedIds.current);
    else selectionActions().taskToggled(taskId);
  }, []);

  // Lets keyboard navigation bring a task that is not rendered into view.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  useEffect(
    () =>
      registerTaskScroller((taskId) => {
        const index = rowsRef.current.findIndex((r) => r.kind === 'task' && r.task.id === taskId);
        if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
      }),
    [virtualizer],
  );

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
            data-group={row.groupKey}
            data-group-label={row.groupLabel}
            ref={virtualizer.measureElement}
            style={{ ...style, paddingBottom: GAP }}
          >
            <TaskCard task={row.task} view={view} timeZone={timeZone} nowMs={nowMs} onSelectClick={onSelectClick} />
          </div>
        );
      })}
    </div>
  );
}
