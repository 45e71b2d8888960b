import { describe, expect, it } from 'vitest';
import { viewSearchSchema } from './view-search';
import { filterByPriority, priorityOf, toggledPriority } from './priority-filter';

describe('the priority filter', () => {
  const tasks = [{ id: 'a', priority: 'high' }, { id: 'b', priority: 'medium' }, { id: 'c' }, { id: 'd', priority: null }];

  it('keeps every task, as the same array, without a filter', () => {
    expect(filterByPriority(tasks, undefined)).toBe(tasks);
  });

  it('reads a missing or null priority as medium', () => {
    expect(filterByPriority(tasks, 'high').map((t) => t.id)).toEqual(['a']);
    expect(filterByPriority(tasks, 'medium').map((t) => t.id)).toEqual(['b', 'c', 'd']);
    expect(priorityOf({})).toBe('medium');
  });

  it('flips between high and medium', () => {
    expect(toggledPriority({ priority: 'high' })).toBe('medium');
    expect(toggledPriority({})).toBe('high');
  });

  it('takes ?priority=high|medium from the URL and drops anything else', () => {
    expect(viewSearchSchema.parse({ priority: 'high' }).priority).toBe('high');
    expect(viewSearchSchema.parse({ priority: 'medium' }).priority).toBe('medium');
    expect(viewSearchSchema.parse({ priority: 'urgent' }).priority).toBeUndefined();
    expect(viewSearchSchema.parse({}).priority).toBeUndefined();
  });
});
