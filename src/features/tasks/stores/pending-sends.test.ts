// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import { toastActions, toastsNow } from '@/components/toast/toast-store';
import { UNDO_SEND_MS, cancelSend, pendingSendCount, scheduleSend } from './pending-sends';
import { keptDraftOf, messageSendStatusNow } from './pending-sends-store';

const enqueueTaskChange = vi.hoisted(() => vi.fn());
vi.mock('../outbox/task-outbox', () => ({ enqueueTaskChange }));

const message = { kind: 'sms', draft: { lead_id: 'lead_1', contact_id: null, local_phone: '+1', remote_phone: '+2', text: 'hi' } } as const;
const task = { id: 'task_1', _type: 'incoming_sms', is_complete: false } as Task;

beforeEach(() => {
  vi.useFakeTimers();
  enqueueTaskChange.mockReset();
  toastActions().toastsCleared();
});
afterEach(() => vi.useRealTimers());

describe('pending sends', () => {
  it('becomes an outbox record only after the undo window, marked with the moment it left', async () => {
    let deliver: (value: unknown) => void = () => {};
    enqueueTaskChange.mockReturnValue({ id: 'rec_1', result: new Promise((resolve) => (deliver = resolve)) });
    const onSent = vi.fn();
    scheduleSend({ message, label: 'SMS to Dana', task, completeTask: true, onSent });
    expect(toastsNow().map((t) => t.action?.label)).toEqual(['Undo send']);
    expect(messageSendStatusNow(task.id)?.phase).toBe('undo-window');
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS - 1);
    expect(enqueueTaskChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(enqueueTaskChange).toHaveBeenCalledOnce();
    const [payload, label] = enqueueTaskChange.mock.calls[0]!;
    expect(payload).toMatchObject({ kind: 'send', message, task, completeTask: true, what: 'SMS to Dana', markedAt: Date.now() });
    expect(label).toBe('send the SMS to Dana');
    expect(messageSendStatusNow(task.id)).toMatchObject({ phase: 'outbox', outboxId: 'rec_1' });
    expect(pendingSendCount()).toBe(0);
    expect(onSent).not.toHaveBeenCalled();
    deliver({ id: 'acti_1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(onSent).toHaveBeenCalledOnce();
  });

  it('Undo within the window: nothing is queued, ever, and the words are kept for the reply form', async () => {
    const onSent = vi.fn();
    const id = scheduleSend({ message, label: 'SMS to Dana', task, completeTask: true, onSent });
    expect(cancelSend(id)).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS * 3);
    expect(enqueueTaskChange).not.toHaveBeenCalled();
    expect(onSent).not.toHaveBeenCalled();
    expect(cancelSend(id)).toBe(false);
    expect(toastsNow().map((t) => t.message)).toEqual(['Sending undone: nothing was sent.']);
    expect(keptDraftOf(task.id)).toEqual({ message, reason: null });
  });

  it('a refusal does not report the message sent', async () => {
    enqueueTaskChange.mockImplementation(() => ({ id: 'rec_2', result: Promise.reject(new Error('remote_phone: Not a phone number of this lead’s contacts.')) }));
    const onSent = vi.fn();
    scheduleSend({ message, label: 'SMS to Dana', task, completeTask: true, onSent });
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS);
    expect(onSent).not.toHaveBeenCalled();
  });
});
