import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, SignInRequiredError } from '@/lib/api-client';
import { Outbox, OutboxCancelledError, type OutboxLocks, type OutboxOptions, type OutboxRecord } from './outbox';
import { memoryOutboxStorage } from './outbox-storage';
import { GIVE_UP_AFTER_MS } from './retry-policy';

type Change = { task: string; value: string } | { all: true };

/** Web Locks in one process: a lock held by one holder makes the next one wait. */
function memoryLocks(): OutboxLocks {
  const queues = new Map<string, Promise<void>>();
  return {
    hold(name) {
      const previous = queues.get(name) ?? Promise.resolve();
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      queues.set(name, previous.then(() => released));
      return previous.then(() => release);
    },
  };
}

/** A server whose answers the test decides, attempt by attempt; it records what it applied. */
function fakeServer() {
  const applied: string[] = [];
  const answers: Array<(record: OutboxRecord<Change>) => unknown> = [];
  return {
    applied,
    answers,
    execute: async (record: OutboxRecord<Change>) => {
      const answer = answers.shift();
      const result = answer ? answer(record) : undefined;
      if (result instanceof Error) throw result;
      applied.push('task' in record.payload ? `${record.payload.task}=${record.payload.value}` : 'all');
      return result;
    },
  };
}

function makeOutbox(overrides: Partial<OutboxOptions<Change>> & { server?: ReturnType<typeof fakeServer> } = {}) {
  const server = overrides.server ?? fakeServer();
  const storage = overrides.storage ?? memoryOutboxStorage<OutboxRecord<Change>>();
  const outbox = new Outbox<Change>({
    storage,
    execute: (record) => server.execute(record),
    keysOf: (c) => ('task' in c ? [c.task] : 'all'),
    random: () => 0,
    ...overrides,
  });
  return { outbox, server, storage };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('the outbox', () => {
  it('sends changes to one task in the order they were made, each once', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    const a = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    const b = outbox.enqueue({ task: 't1', value: 'reopen' }, 'b');
    const c = outbox.enqueue({ task: 't2', value: 'snooze' }, 'c');
    await vi.runAllTimersAsync();
    await Promise.all([a.result, b.result, c.result]);
    expect(server.applied.filter((x) => x.startsWith('t1'))).toEqual(['t1=complete', 't1=reopen']);
    expect(server.applied).toHaveLength(3);
  });

  it('holds a later change to a task while an earlier one waits out a rate limit', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    server.answers.push(() => new ApiError('API call count exceeded', 429, {}, 2_000));
    const first = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    const second = outbox.enqueue({ task: 't1', value: 'text' }, 'b');
    await vi.advanceTimersByTimeAsync(10);
    expect(server.applied).toEqual([]);
    expect(outbox.getSnapshot().entries[0]).toMatchObject({ state: 'waiting', reason: "waiting for Close's rate limit" });
    await vi.advanceTimersByTimeAsync(1_900);
    expect(server.applied).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    await Promise.all([first.result, second.result]);
    expect(server.applied).toEqual(['t1=complete', 't1=text']);
  });

  it('rolls back a refusal with the server’s error and goes on with the next change', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    server.answers.push(() => new ApiError('Database is on fire', 500));
    const refused = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    const next = outbox.enqueue({ task: 't1', value: 'text' }, 'b');
    const rejected = expect(refused.result).rejects.toThrow('Database is on fire');
    await vi.runAllTimersAsync();
    await rejected;
    await next.result;
    expect(server.applied).toEqual(['t1=text']);
  });

  it('gives up after ten minutes of transient failures and keeps the change as stuck until Retry', async () => {
    const server = fakeServer();
    server.execute = async () => {
      throw new ApiError('Service unavailable', 503);
    };
    const { outbox } = makeOutbox({ server });
    await outbox.start();
    const change = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    let settled = false;
    change.result.then(() => (settled = true), () => (settled = true));
    await vi.advanceTimersByTimeAsync(GIVE_UP_AFTER_MS - 60_000);
    expect(outbox.getSnapshot().entries[0]?.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(outbox.getSnapshot().entries[0]).toMatchObject({ state: 'stuck', reason: 'Service unavailable' });
    expect(settled).toBe(false);
    server.execute = async () => 'saved';
    outbox.retry(outbox.getSnapshot().entries[0]!.id);
    await vi.runAllTimersAsync();
    await expect(change.result).resolves.toBe('saved');
  });

  it('pauses while offline and sends once online again', async () => {
    let online = false;
    const { outbox, server } = makeOutbox({ isOnline: () => online });
    await outbox.start();
    const change = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.applied).toEqual([]);
    expect(outbox.getSnapshot().pausedFor).toBe('offline');
    online = true;
    outbox.connectivityChanged();
    await vi.runAllTimersAsync();
    await change.result;
    expect(server.applied).toEqual(['t1=complete']);
  });

  it('cancels a change not yet sent, and sends nothing', async () => {
    const { outbox, server } = makeOutbox({ isOnline: () => false });
    await outbox.start();
    const change = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    const cancelled = expect(change.result).rejects.toBeInstanceOf(OutboxCancelledError);
    expect(outbox.cancel(change.id)).toBe(true);
    await cancelled;
    await vi.runAllTimersAsync();
    expect(server.applied).toEqual([]);
  });

  it('does not cancel a change whose request may have reached the server', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    server.answers.push(() => new ApiError('Bad gateway', 502));
    const change = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    await vi.advanceTimersByTimeAsync(10);
    expect(outbox.cancel(change.id)).toBe(false);
    await vi.runAllTimersAsync();
    await change.result;
  });

  it('pauses for sign-in, resumes once signed in, and rolls back a second sign-in refusal', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    server.answers.push(() => new SignInRequiredError('Sign in to continue.', 401));
    const change = outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(outbox.getSnapshot().pausedFor).toBe('sign-in');
    expect(outbox.getSnapshot().entries).toHaveLength(1);
    server.answers.push(() => new SignInRequiredError('Sign in to continue.', 401));
    const refused = expect(change.result).rejects.toThrow('Sign in to continue.');
    outbox.signedIn();
    await vi.runAllTimersAsync();
    await refused;
    expect(server.applied).toEqual([]);
  });

  it('stores a change before sending it; the next page sends what the last one left, once', async () => {
    const storage = memoryOutboxStorage<OutboxRecord<Change>>();
    const locks = memoryLocks();
    const first = makeOutbox({ storage, locks, isOnline: () => false });
    await first.outbox.start();
    first.outbox.enqueue({ task: 't1', value: 'complete' }, 'complete “Call Dana”');
    first.outbox.enqueue({ task: 't1', value: 'text' }, 'edit “Call Dana”');
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.records.size).toBe(2);

    // The first page is gone (its locks released: here a second lock table stands for a new browser process).
    const adopted: string[] = [];
    const next = makeOutbox({ storage, locks: memoryLocks(), onAdopted: (r) => adopted.push(r.label) });
    await next.outbox.start();
    await vi.runAllTimersAsync();
    expect(adopted).toEqual(['complete “Call Dana”', 'edit “Call Dana”']);
    expect(next.server.applied).toEqual(['t1=complete', 't1=text']);
    expect(storage.records.size).toBe(0);
  });

  it('never lets two pages send the same stored change', async () => {
    const storage = memoryOutboxStorage<OutboxRecord<Change>>();
    const locks = memoryLocks();
    let release: () => void = () => {};
    const server = fakeServer();
    server.answers.push(() => new Promise<void>((resolve) => (release = resolve)).then(() => undefined));
    const owner = makeOutbox({ storage, locks, server });
    await owner.outbox.start();
    const change = owner.outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    await vi.advanceTimersByTimeAsync(10);

    const other = makeOutbox({ storage, locks });
    await other.outbox.start();
    await vi.advanceTimersByTimeAsync(10);
    release();
    await vi.runAllTimersAsync();
    await change.result;
    expect(server.applied).toEqual(['t1=complete']);
    expect(other.server.applied).toEqual([]);
    expect(other.outbox.getSnapshot().entries).toEqual([]);
  });

  it('marks a change whose page closed mid-request as uncertain for the next page', async () => {
    const storage = memoryOutboxStorage<OutboxRecord<Change>>();
    const server = fakeServer();
    server.answers.push(() => new Promise(() => {}));
    const closing = makeOutbox({ storage, locks: memoryLocks(), server });
    await closing.outbox.start();
    closing.outbox.enqueue({ task: 't1', value: 'create' }, 'a');
    await vi.advanceTimersByTimeAsync(10);
    expect([...storage.records.values()][0]?.state).toBe('sending');

    const seen: boolean[] = [];
    const next = fakeServer();
    next.answers.push((record) => void seen.push(record.uncertain));
    const resumed = makeOutbox({ storage, locks: memoryLocks(), server: next });
    await resumed.outbox.start();
    await vi.runAllTimersAsync();
    expect(seen).toEqual([true]);
  });

  it('makes a change to every task wait for all earlier ones, and later ones wait for it', async () => {
    const { outbox, server } = makeOutbox();
    await outbox.start();
    server.answers.push(() => new ApiError('Service unavailable', 503));
    outbox.enqueue({ task: 't1', value: 'complete' }, 'a');
    outbox.enqueue({ all: true }, 'everything');
    outbox.enqueue({ task: 't2', value: 'snooze' }, 'c');
    await vi.runAllTimersAsync();
    expect(server.applied).toEqual(['t1=complete', 'all', 't2=snooze']);
  });
});
