import { describe, expect, it } from 'vitest';
import { RevalidatedCopies } from './revalidated-copies';

const copyOf = (bytes: number, etag = '"x"') => ({ etag, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(bytes) });

describe('RevalidatedCopies', () => {
  it('keys by target and by every header the answer may vary on', () => {
    const key = RevalidatedCopies.keyOf('/api/v1/task/?view=inbox', { 'x-tz-offset': '-5', accept: 'application/json' });
    expect(RevalidatedCopies.keyOf('/api/v1/task/?view=inbox', { 'x-tz-offset': '-5', accept: 'application/json' })).toBe(key);
    expect(RevalidatedCopies.keyOf('/api/v1/task/?view=inbox', { 'x-tz-offset': '5.5', accept: 'application/json' })).not.toBe(key);
    expect(RevalidatedCopies.keyOf('/api/v1/task/?view=future', { 'x-tz-offset': '-5', accept: 'application/json' })).not.toBe(key);
    expect(
      RevalidatedCopies.keyOf('/api/v1/task/?view=inbox', { 'x-tz-offset': '-5', accept: 'application/json', 'accept-encoding': 'gzip' }),
    ).not.toBe(key);
  });

  it('drops the least recently used copy past the entry and byte limits', () => {
    const copies = new RevalidatedCopies({ maxEntries: 2, maxBytes: 100 });
    copies.set('a', copyOf(10));
    copies.set('b', copyOf(10));
    copies.get('a');
    copies.set('c', copyOf(10));
    expect([copies.get('a'), copies.get('b'), copies.get('c')].map(Boolean)).toEqual([true, false, true]);
    copies.set('d', copyOf(95));
    expect(copies.size).toBe(1);
    expect(copies.totalBytes).toBe(95);
  });

  it('counts a copy asked for again and again as the most recent one', () => {
    const copies = new RevalidatedCopies({ maxEntries: 2 });
    copies.set('a', copyOf(10));
    copies.set('b', copyOf(10));
    copies.get('b');
    copies.get('a');
    copies.get('a');
    copies.set('c', copyOf(10));
    expect([copies.get('a'), copies.get('b'), copies.get('c')].map(Boolean)).toEqual([true, false, true]);
    copies.delete('c');
    copies.get('a');
    copies.set('d', copyOf(10));
    copies.set('e', copyOf(10));
    expect([copies.get('a'), copies.get('d'), copies.get('e')].map(Boolean)).toEqual([false, true, true]);
  });

  it('keeps no copy of a body over the per-body limit, and forgets the old one for that key', () => {
    const copies = new RevalidatedCopies({ maxBodyBytes: 50 });
    copies.set('a', copyOf(10));
    copies.set('a', copyOf(51));
    expect(copies.get('a')).toBeUndefined();
    expect(copies.totalBytes).toBe(0);
  });
});
