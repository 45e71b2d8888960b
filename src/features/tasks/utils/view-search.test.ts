import { describe, expect, it } from 'vitest';
import { readViewSearch, viewSearchOf, viewSearchSchema } from './view-search';

const parse = (input: Record<string, unknown>) => viewSearchSchema.parse(input);

describe('view search params', () => {
  it('keeps valid values and normalizes the type list', () => {
    expect(parse({ types: 'voicemail,lead,voicemail', assignee: 'everyone', tz: 'Asia/Kolkata' })).toEqual({
      types: 'lead,voicemail',
      assignee: 'everyone',
      tz: 'Asia/Kolkata',
    });
    expect(parse({ types: ['missed_call'] }).types).toBe('missed_call');
  });

  it('falls back to defaults for anything bad instead of failing', () => {
    expect(parse({ types: 'bogus', assignee: 'user x; drop', tz: 'Mars/Olympus' })).toEqual({
      types: undefined,
      assignee: undefined,
      tz: undefined,
    });
    expect(parse({ types: 42, assignee: { a: 1 }, tz: null })).toEqual({ types: undefined, assignee: undefined, tz: undefined });
  });

  it('leaves defaults out of the URL: "me", every type, and the browser zone', () => {
    expect(parse({ assignee: 'me' }).assignee).toBeUndefined();
    const all = 'lead,incoming_email,email_followup,missed_call,answered_detached_call,voicemail,opportunity_due,incoming_sms,outgoing_call';
    expect(parse({ types: all }).types).toBeUndefined();
    expect(viewSearchOf({ types: [], assignee: 'me', timeZone: 'Europe/Berlin' }, 'Europe/Berlin')).toEqual({
      types: undefined,
      assignee: undefined,
      tz: undefined,
    });
  });

  it('reads a URL into a full choice and back', () => {
    const choice = readViewSearch({ types: 'voicemail', assignee: 'user_abc', tz: 'Asia/Tokyo' }, 'UTC');
    expect(choice).toEqual({ types: ['voicemail'], assignee: 'user_abc', timeZone: 'Asia/Tokyo' });
    expect(viewSearchOf(choice, 'UTC')).toEqual({ types: 'voicemail', assignee: 'user_abc', tz: 'Asia/Tokyo' });
    expect(readViewSearch({}, 'America/Denver')).toEqual({ types: [], assignee: 'me', timeZone: 'America/Denver' });
  });

  it('keeps an inbox slice (`due`) and drops an unknown one', () => {
    expect(parse({ due: 'overdue' }).due).toBe('overdue');
    expect(parse({ due: 'today' }).due).toBe('today');
    expect(parse({ due: 'future' }).due).toBeUndefined();
    expect(parse({ due: 7 }).due).toBeUndefined();
    const choice = readViewSearch({ assignee: 'user_abc', tz: 'Asia/Tokyo', due: 'overdue' }, 'UTC');
    expect(choice.due).toBe('overdue');
    expect(viewSearchOf(choice, 'UTC')).toEqual({ types: undefined, assignee: 'user_abc', tz: 'Asia/Tokyo', due: 'overdue' });
  });
});
