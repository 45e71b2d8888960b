import { describe, expect, it } from 'vitest';
import { TASK_TYPES, type Task } from '@/shared/close/schemas';
import {
  answeredDetachedCallTask,
  emailFollowupTask,
  hostileEmailTask,
  incomingEmailTask,
  incomingSmsTask,
  leadTask,
  missedCallTask,
  mmsTask,
  opportunityDueTask,
  outgoingCallTask,
  taskFixturesByType,
  unknownTypeTask,
  voicemailTask,
} from '../testing/task-fixtures';
import { humanizeTaskType, taskTitle } from './task-title';

const bare = (fields: Partial<Task> & Pick<Task, '_type'>): Task => ({
  id: 'task_x',
  assigned_to: null,
  date: null,
  date_created: '2026-01-01T00:00:00+00:00',
  date_updated: '2026-01-01T00:00:00+00:00',
  is_complete: false,
  lead_id: null,
  organization_id: 'orga_x',
  ...fields,
});

describe('taskTitle', () => {
  it("titles seed 003's tasks", () => {
    expect(taskTitle(leadTask)).toBe('Connect with Account Manager');
    expect(taskTitle(incomingEmailTask)).toBe('Email: December 2014 Metrics');
    expect(taskTitle(emailFollowupTask)).toBe('Follow up: I have an offer for you');
    // contact_name "" counts as no contact: the formatted phone stands in.
    expect(taskTitle(missedCallTask)).toBe('Missed call from +1 650-333-4444');
    expect(taskTitle(answeredDetachedCallTask)).toBe('Call from +1 650-429-8174');
    expect(taskTitle(voicemailTask)).toBe('Voicemail from +1 631-423-8017');
    expect(taskTitle(opportunityDueTask)).toBe('Opportunity due: Test Inc. $1,300 one-time');
    expect(taskTitle(incomingSmsTask)).toBe('SMS from Steve Ballmer');
    expect(taskTitle(mmsTask)).toBe('MMS from Steve Ballmer');
    expect(taskTitle(outgoingCallTask)).toBe('Call Grace Hopper');
  });

  it('falls back when a type misses its main field', () => {
    expect(taskTitle(bare({ _type: 'lead', lead_name: 'Acme' }))).toBe('To-do for Acme');
    expect(taskTitle(bare({ _type: 'lead', text: '   ' }))).toBe('To-do');
    expect(taskTitle(bare({ _type: 'incoming_email', subject: null }))).toBe('Email: (no subject)');
    expect(taskTitle(bare({ _type: 'email_followup' }))).toBe('Follow up: (no subject)');
    expect(taskTitle(bare({ _type: 'missed_call', contact_name: 'Ada', phone: '+16505550100' }))).toBe('Missed call from Ada');
    expect(taskTitle(bare({ _type: 'missed_call' }))).toBe('Missed call from unknown number');
    expect(taskTitle(bare({ _type: 'voicemail', lead_name: 'Acme' }))).toBe('Voicemail from Acme');
    expect(taskTitle(bare({ _type: 'answered_detached_call' }))).toBe('Call from unknown number');
    expect(taskTitle(bare({ _type: 'opportunity_due' }))).toBe('Opportunity due');
    expect(taskTitle(bare({ _type: 'opportunity_due', lead_name: 'Acme' }))).toBe('Opportunity due: Acme');
    expect(taskTitle(bare({ _type: 'incoming_sms', remote_phone: '+18189347000' }))).toBe('SMS from +1 818-934-7000');
    expect(taskTitle(bare({ _type: 'outgoing_call', lead_name: 'Acme' }))).toBe('Call Acme');
    expect(taskTitle(bare({ _type: 'outgoing_call' }))).toBe('Call');
  });

  it('names a type the app does not know', () => {
    expect(taskTitle(unknownTypeTask)).toBe('Whatsapp message: New Lead');
    expect(taskTitle(bare({ _type: 'custom-thing' }))).toBe('Custom thing');
    expect(taskTitle(bare({ _type: '' }))).toBe('Task');
  });

  it('is one line of plain text, never empty, for every type', () => {
    for (const type of [...TASK_TYPES, 'mystery']) {
      const title = taskTitle(bare({ _type: type, text: 'a\n\n  b', subject: 'c\td' }));
      expect(title.trim()).not.toBe('');
      expect(title).not.toMatch(/[\n\t]/);
    }
    expect(Object.keys(taskFixturesByType)).toEqual([...TASK_TYPES]);
  });

  it('keeps markup as literal text', () => {
    expect(taskTitle(hostileEmailTask)).toBe('Email: Invoice <img src=x onerror=alert(1)>');
  });
});

describe('humanizeTaskType', () => {
  it('turns a wire name into words', () => {
    expect(humanizeTaskType('answered_detached_call')).toBe('Answered detached call');
    expect(humanizeTaskType('SMS')).toBe('Sms');
  });
});
