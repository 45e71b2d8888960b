import { describe, expect, it } from 'vitest';
import { incomingEmailTask, incomingSmsTask, leadTask } from '../testing/task-fixtures';
import { offeredReplyTarget } from './reply-target';

const ALL = { activities: { sms: true, email: true, voicemail: true, mms: true } };

describe('offeredReplyTarget', () => {
  it('offers a reply of each kind the backend declares', () => {
    expect(offeredReplyTarget(incomingSmsTask, ALL)?.kind).toBe('sms');
    expect(offeredReplyTarget(incomingEmailTask, ALL)?.kind).toBe('email');
    expect(offeredReplyTarget(leadTask, ALL)).toBeNull();
  });

  it('offers none of a kind the backend does not declare, nor while the capabilities are unknown', () => {
    expect(offeredReplyTarget(incomingSmsTask, { activities: { ...ALL.activities, sms: false } })).toBeNull();
    expect(offeredReplyTarget(incomingEmailTask, { activities: { ...ALL.activities, email: false } })).toBeNull();
    expect(offeredReplyTarget(incomingSmsTask, undefined)).toBeNull();
  });
});
