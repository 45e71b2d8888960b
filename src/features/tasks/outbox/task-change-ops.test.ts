/**
 * Creating a task is the one task change that is not idempotent: when an attempt may have reached
 * Close, the next one first looks for the task it made (through the task API's list, against the
 * real embedded API behind our real proxy, signed in as the test organization's manager).
 */
import { describe, expect, it } from 'vitest';
import { setDefaultApiOrigin } from '@/lib/api-client';
import type { ExecuteContext } from '@/lib/outbox/outbox';
import { taskApi } from '@/lib/task-api';
import { setUpProxiedCloseApi } from '@/server/testing/proxied-close-api';
import { type TaskChangePayload, type TaskChangeRecord, sendTaskChange } from './task-change-ops';

const stack = setUpProxiedCloseApi((url) => setDefaultApiOrigin(() => url));

const noProgress: ExecuteContext = { saveProgress: () => Promise.resolve() };

function createRecord(text: string, uncertain: boolean, createdAt: number): TaskChangeRecord {
  const payload: TaskChangePayload = { kind: 'create', body: { lead_id: stack.api.leadId, text }, pending: null, key: `pending_${text}`, timeZone: 'UTC' };
  return {
    id: `rec-${text}`, createdAt, seq: 1, payload, label: 'create a task', state: 'sending', attempts: 1, retryingSince: null,
    nextAttemptAt: null, reason: null, uncertain, pausedForSignIn: false, resumedAfterSignIn: false, progress: null,
  };
}

const idsWithText = (text: string) =>
  (stack.api.db.prepare('SELECT id FROM tasks WHERE text = ?').all(text) as { id: string }[]).map((r) => r.id);

describe('sendTaskChange: create', () => {
  it('an attempt that may have reached Close adopts the task it made instead of creating a second', async () => {
    const madeAt = Date.now();
    // What the earlier attempt did: Close stored the task; its answer was lost.
    const stored = await taskApi.createTask({ lead_id: stack.api.leadId, text: 'Call Dana back' }, 'UTC');
    const sent = (await sendTaskChange(createRecord('Call Dana back', true, madeAt), noProgress)) as { id: string };
    expect(sent.id).toBe(stored.id);
    expect(idsWithText('Call Dana back')).toEqual([stored.id]);
  });

  it('an uncertain attempt that finds no such task creates it, once', async () => {
    await taskApi.createTask({ lead_id: stack.api.leadId, text: 'Another task on the lead' }, 'UTC');
    const sent = (await sendTaskChange(createRecord('Send the quote', true, Date.now()), noProgress)) as { id: string };
    expect(idsWithText('Send the quote')).toEqual([sent.id]);
  });

  it('a first attempt creates without looking, even beside a task with the same text', async () => {
    const earlier = await taskApi.createTask({ lead_id: stack.api.leadId, text: 'Book the demo' }, 'UTC');
    const sent = (await sendTaskChange(createRecord('Book the demo', false, Date.now()), noProgress)) as { id: string };
    expect(sent.id).not.toBe(earlier.id);
    expect(idsWithText('Book the demo').sort()).toEqual([earlier.id, sent.id].sort());
  });
});
