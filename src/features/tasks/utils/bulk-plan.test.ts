import { describe, expect, it } from 'vitest';
import { type BulkPlan, bulkSummary, bulkUndoLabel, bulkVerb, changedFields, planChanges } from './bulk-plan';

const complete: BulkPlan = { action: 'complete' };
const reopen: BulkPlan = { action: 'reopen' };
const reassign: BulkPlan = { action: 'reassign', userId: 'user_maya', userName: 'Maya Patel' };
const snooze: BulkPlan = { action: 'snooze', date: '2026-01-06' };

describe('planChanges', () => {
  it('sends the field the action sets and patches loaded tasks with what the screen shows', () => {
    expect(planChanges(complete)).toEqual({ changes: { is_complete: true }, patch: { is_complete: true } });
    expect(planChanges(reopen)).toEqual({ changes: { is_complete: false }, patch: { is_complete: false } });
    expect(planChanges(reassign)).toEqual({
      changes: { assigned_to: 'user_maya' },
      patch: { assigned_to: 'user_maya', assigned_to_name: 'Maya Patel' },
    });
    expect(planChanges(snooze)).toEqual({ changes: { date: '2026-01-06' }, patch: { date: '2026-01-06' } });
  });
});

describe('changedFields', () => {
  it('names the fields a change sets, in a fixed order', () => {
    expect(changedFields(planChanges(reassign).changes)).toEqual(['assigned_to']);
    expect(changedFields({ date: null, is_complete: false })).toEqual(['is_complete', 'date']);
    expect(changedFields({})).toEqual([]);
  });
});

describe('bulk phrases', () => {
  it('confirm the outcome, with the new date for a snooze', () => {
    expect(bulkSummary(complete, 1, 'UTC')).toBe('1 task completed');
    expect(bulkSummary(reopen, 2, 'UTC')).toBe('2 tasks reopened');
    expect(bulkSummary(reassign, 312, 'UTC')).toBe('312 tasks reassigned to Maya Patel');
    expect(bulkSummary(snooze, 1_200, 'America/New_York')).toBe('1,200 tasks snoozed to Tue, Jan 6');
  });

  it('label Undo with what it undoes', () => {
    expect(bulkUndoLabel(complete, 3)).toBe('completing 3 tasks');
    expect(bulkUndoLabel(reopen, 1)).toBe('reopening 1 task');
    expect(bulkUndoLabel(reassign, 312)).toBe('reassigning 312 tasks to Maya Patel');
    expect(bulkUndoLabel(snooze, 5)).toBe('snoozing 5 tasks');
  });

  it('describe the request as a verb', () => {
    expect(bulkVerb(complete, 3)).toBe('complete 3 tasks');
    expect(bulkVerb(reopen, 1)).toBe('reopen 1 task');
    expect(bulkVerb(reassign, 1_000)).toBe('reassign 1,000 tasks to Maya Patel');
    expect(bulkVerb(snooze, 5)).toBe('snooze 5 tasks');
  });
});
