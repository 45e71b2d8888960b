import { describe, expect, it } from 'vitest';
import type { Task } from '@/shared/close/schemas';
import { renderTemplate, replySubject, replyTargetOf } from './reply-target';

const base: Task = {
  id: 'noti_1', _type: 'incoming_sms', assigned_to: 'user_1', date: null, date_created: '', date_updated: '', is_complete: false,
  lead_id: 'lead_1', organization_id: 'orga_1', contact_id: 'cont_1', contact_name: 'Dana Whitfield',
};

describe('replyTargetOf', () => {
  it('texts back the number of an SMS, a missed call and a voicemail, on the line it came in on', () => {
    expect(replyTargetOf({ ...base, remote_phone: '+12125550101', remote_phone_formatted: '+1 212-555-0101', local_phone: '+12125550100' })).toEqual({
      kind: 'sms', leadId: 'lead_1', contactId: 'cont_1', contactName: 'Dana Whitfield', remotePhone: '+12125550101', remoteFormatted: '+1 212-555-0101', localPhone: '+12125550100',
    });
    for (const type of ['missed_call', 'voicemail']) {
      expect(replyTargetOf({ ...base, _type: type, phone: '+12125550101', local_phone: '+12125550100' })).toMatchObject({ kind: 'sms', remotePhone: '+12125550101' });
    }
  });
  it('answers an incoming email, and nothing else', () => {
    expect(replyTargetOf({ ...base, _type: 'incoming_email', emails: ['acti_1', 'acti_2'] })).toMatchObject({ kind: 'email', emailIds: ['acti_1', 'acti_2'] });
    expect(replyTargetOf({ ...base, _type: 'incoming_email', emails: [] })).toBeNull();
    expect(replyTargetOf({ ...base, _type: 'lead' })).toBeNull();
    expect(replyTargetOf({ ...base, _type: 'missed_call', phone: null })).toBeNull();
  });
});

describe('templates and subjects', () => {
  it('fills in Close’s first-name placeholders', () => {
    expect(renderTemplate('Hi {{ contact.first_name }}, – {{user.first_name}} {{ lead.name }}', { contactFirstName: 'Dana', userFirstName: 'Alex' })).toBe('Hi Dana, – Alex {{ lead.name }}');
  });
  it('prefixes Re: once', () => {
    expect(replySubject('Pricing')).toBe('Re: Pricing');
    expect(replySubject('RE: Pricing')).toBe('RE: Pricing');
    expect(replySubject(null)).toBe('Re:');
  });
});
