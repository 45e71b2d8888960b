import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy-match';

describe('fuzzy matching', () => {
  it('finds characters in order, not out of order', () => {
    expect(fuzzyScore('cmp', 'Complete')).not.toBeNull();
    expect(fuzzyScore('pmc', 'Complete')).toBeNull();
    expect(fuzzyScore('xyz', 'Complete')).toBeNull();
  });

  it('matches everything with an empty query', () => {
    expect(fuzzyScore('', 'Anything')).toBe(0);
    expect(fuzzyScore('   ', 'Anything')).toBe(0);
  });

  it('ignores case and accents', () => {
    expect(fuzzyScore('lucia', 'Reassign to Lucía Fernández')).not.toBeNull();
    expect(fuzzyScore('SNOOZE', 'snooze…')).not.toBeNull();
  });

  it('ranks a substring and word starts above scattered letters', () => {
    const items = ['Reassign…', 'Go to Archive', 'Select all loaded tasks', 'Go to Inbox'];
    expect(fuzzyFilter(items, 'archive', (s) => s)[0]).toBe('Go to Archive');
    expect(fuzzyFilter(items, 'go a', (s) => s)[0]).toBe('Go to Archive');
    expect(fuzzyFilter(items, 'sel', (s) => s)).toEqual(['Select all loaded tasks']);
    expect(fuzzyFilter(items, 'gti', (s) => s)[0]).toBe('Go to Inbox');
  });

  it('keeps the original order among equals', () => {
    expect(fuzzyFilter(['b one', 'a one', 'c one'], '', (s) => s)).toEqual(['b one', 'a one', 'c one']);
  });
});
