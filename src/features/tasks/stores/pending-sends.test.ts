// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toastActions, toastsNow } from '@/components/toast/toast-store';
import { UNDO_SEND_MS, cancelSend, pendingSendCount, scheduleSend } from './pending-sends';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../api/send-message', () => ({ sendMessage }));

const message = { kind: 'sms', draft: { lead_id: 'lead_1', contact_id: null, local_phone: '+1', remote_phone: '+2', text: 'hi' } } as const;

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  toastActions().toastsCleared();
});
afterEach(() => vi.useRealTimers());

describe('pending sends', () => {
  it('sends only after the undo window, then reports it sent', async () => {
    sendMessage.mockResolvedValue({});
    const onSent = vi.fn();
    scheduleSend({ message, label: 'SMS to Dana', onSent, onFailed: vi.fn() });
    expect(toastsNow().map((t) => t.action?.label)).toEqual(['Undo send']);
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS - 1);
    expect(sendMessage).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(sendMessage).toHaveBeenCalledWith(message);
    expect(onSent).toHaveBeenCalledOnce();
    expect(toastsNow().map((t) => t.message)).toEqual(['Sent the SMS to Dana']);
    expect(pendingSendCount()).toBe(0);
  });

  it('Undo within the window: nothing is sent, ever', async () => {
    const onSent = vi.fn();
    const id = scheduleSend({ message, label: 'SMS to Dana', onSent, onFailed: vi.fn() });
    expect(cancelSend(id)).toBe(true);
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS * 3);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(onSent).not.toHaveBeenCalled();
    expect(cancelSend(id)).toBe(false);
    expect(toastsNow().map((t) => t.message)).toEqual(['Sending undone: nothing was sent.']);
  });

  it('a refusal is shown with Close’s reason and reported to the caller', async () => {
    sendMessage.mockRejectedValue(new Error('remote_phone: Not a phone number of this lead’s contacts.'));
    const onFailed = vi.fn();
    scheduleSend({ message, label: 'SMS to Dana', onSent: vi.fn(), onFailed });
    await vi.advanceTimersByTimeAsync(UNDO_SEND_MS);
    expect(onFailed).toHaveBeenCalledOnce();
    expect(toastsNow()).toMatchObject([{ tone: 'error', message: 'Couldn’t send the SMS to Dana: remote_phone: Not a phone number of this lead’s contacts.' }]);
  });
});
