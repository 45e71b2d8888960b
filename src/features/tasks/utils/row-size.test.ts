import { afterEach, describe, expect, it } from 'vitest';
import { leadTask, voicemailTask } from '../testing/task-fixtures';
import type { TaskListRow } from './group-tasks';
import { COMPACT_ROW_HEIGHT, HEADER_HEIGHT, estimateRowSize, isWithinView, rememberRowHeight, resetRowHeights } from './row-size';

const row = (task: typeof leadTask): TaskListRow => ({ kind: 'task', key: task.id, task, groupKey: 'overdue', groupLabel: 'Overdue' });

afterEach(resetRowHeights);

describe('estimateRowSize', () => {
  it('guesses by type, headers and the loading row at header height', () => {
    expect(estimateRowSize(row(leadTask))).toBe(129);
    expect(estimateRowSize(row(voicemailTask))).toBe(161);
    expect(estimateRowSize(undefined)).toBe(HEADER_HEIGHT);
  });

  it('learns the last measured height of each type', () => {
    rememberRowHeight('lead', 140);
    rememberRowHeight('voicemail', 0);
    expect(estimateRowSize(row(leadTask))).toBe(140);
    expect(estimateRowSize(row(voicemailTask))).toBe(161);
  });

  it('gives every compact row one line’s height, whatever cards of its type measured', () => {
    rememberRowHeight('lead', 140);
    expect(estimateRowSize(row(leadTask), 'compact')).toBe(COMPACT_ROW_HEIGHT);
    expect(estimateRowSize(row(voicemailTask), 'compact')).toBe(COMPACT_ROW_HEIGHT);
    expect(estimateRowSize(undefined, 'compact')).toBe(HEADER_HEIGHT);
  });
});

describe('isWithinView', () => {
  it('is true only for a row wholly inside', () => {
    expect(isWithinView({ start: 100, end: 200 }, 100, 200)).toBe(true);
    expect(isWithinView({ start: 99, end: 200 }, 100, 500)).toBe(false);
    expect(isWithinView({ start: 400, end: 501 }, 100, 500)).toBe(false);
  });
});
