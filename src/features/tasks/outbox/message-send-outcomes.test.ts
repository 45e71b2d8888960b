// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import { OutboxDiscardedError } from '@/lib/outbox/outbox';
import { toastActions, toastsNow } from '@/components/toast/toast-store';
import { openDialogNow } from '../stores/dialog-store';
import { keptDraftOf, messageSendStatusNow } from '../stores/pending-sends-store';
import type { MessageSendPayload } from './message-send-ops';
import { messageSendAdopted, messageSendSettled } from './message-send-outcomes';

const task = { id: 'task_9', _type: 'incoming_sms', is_complete: false, text: 'Dana texted' } as Task;
const message = { kind: 'sms', draft: { lead_id: 'lead_1', contact_id: null, local_phone: '+1', remote_phone: '+2', text: 'hi' } } as const;
const payload = (completeTask = true): MessageSendPayload => ({ kind: 'send', sendId: 's1', message, markedAt: 1, task, completeTask, what: 'SMS to Dana', timeZone: 'UTC' });

beforeEach(() => toastActions().toastsCleared());

describe('a message’s outcome', () => {
  it('sent: the card says Sent, one toast; a message another page left completes its task as asked', () => {
    messageSendAdopted(payload(), 'rec_1');
    expect(messageSendStatusNow(task.id)).toMatchObject({ phase: 'outbox', outboxId: 'rec_1' });
    const completion = messageSendSettled(payload(), { ok: true, value: { id: 'acti_1' } }, true);
    expect(messageSendStatusNow(task.id)?.phase).toBe('sent');
    expect(toastsNow().map((t) => t.message)).toEqual(['Sent the SMS to Dana']);
    expect(completion?.payload).toMatchObject({ kind: 'update', taskId: task.id, body: { is_complete: true } });
    // On its own page the task actions complete it (with their Undo); nothing more here.
    expect(messageSendSettled(payload(), { ok: true, value: {} }, false)).toBeNull();
    expect(messageSendSettled(payload(false), { ok: true, value: {} }, true)).toBeNull();
  });

  it('refused: rolled back with Close’s reason, the words kept, Edit and resend opens the reply', () => {
    messageSendSettled(payload(), { ok: false, error: new ApiError('This number has opted out of texts.', 422) }, false);
    expect(messageSendStatusNow(task.id)).toMatchObject({ phase: 'refused', reason: 'This number has opted out of texts.' });
    expect(keptDraftOf(task.id)).toEqual({ message, reason: 'This number has opted out of texts.' });
    const [toast] = toastsNow();
    expect(toast).toMatchObject({ tone: 'error', message: 'Couldn’t send the SMS to Dana: This number has opted out of texts.' });
    toast!.action!.onAction();
    expect(openDialogNow()).toEqual({ kind: 'reply', task });
  });

  it('discarded after the outbox gave up: not sent, and the words are kept', () => {
    messageSendSettled(payload(), { ok: false, error: new OutboxDiscardedError() }, false);
    expect(messageSendStatusNow(task.id)?.phase).toBe('discarded');
    expect(keptDraftOf(task.id)).toEqual({ message, reason: null });
    expect(toastsNow()[0]?.message).toMatch(/^Discarded the SMS to Dana: nothing was sent/);
  });
});
