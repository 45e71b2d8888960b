import { describe, expect, it } from 'vitest';
import { type Capabilities, CapabilitiesSchema, undoOfCompletion } from './capabilities';

const OUTREACH_LIKE: Capabilities = {
  connector: 'outreach',
  reopen: false,
  snoozeToDate: true,
  snoozeDefaultOneDay: true,
  priority: true,
  note: true,
  completionNote: true,
  taskTypes: ['lead', 'outgoing_call', 'email_followup'],
  activities: { sms: false, email: false, voicemail: false, mms: false },
  bulkByFilter: false,
  bulkByIds: { maxIds: 0 },
  createTask: false,
  deleteTask: false,
  archive: true,
  pendingState: true,
};

describe('CapabilitiesSchema', () => {
  it('reads a whole declaration', () => {
    expect(CapabilitiesSchema.parse(OUTREACH_LIKE)).toEqual(OUTREACH_LIKE);
  });

  it.each([
    ['a missing capability', (c: Record<string, unknown>) => delete c.reopen, 'reopen'],
    ['an unknown capability', (c: Record<string, unknown>) => (c.teleport = true), ''],
    ['a task type the contract does not have', (c: Record<string, unknown>) => (c.taskTypes = ['fax']), 'taskTypes.0'],
    ['a missing activity', (c: Record<string, unknown>) => (c.activities = { sms: true, email: true, voicemail: true }), 'activities.mms'],
    ['a fractional bulk size', (c: Record<string, unknown>) => (c.bulkByIds = { maxIds: 2.5 }), 'bulkByIds.maxIds'],
    ['a negative bulk size', (c: Record<string, unknown>) => (c.bulkByIds = { maxIds: -1 }), 'bulkByIds.maxIds'],
    ['an empty connector name', (c: Record<string, unknown>) => (c.connector = ''), 'connector'],
  ])('refuses %s, naming it', (_label, spoil, path) => {
    const declaration: Record<string, unknown> = structuredClone(OUTREACH_LIKE);
    spoil(declaration);
    const parsed = CapabilitiesSchema.safeParse(declaration);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('undoOfCompletion', () => {
  it('reopens where the backend can, and says there is nothing to undo where it cannot', () => {
    expect(undoOfCompletion({ reopen: true })).toBe('reopen');
    expect(undoOfCompletion({ reopen: false })).toBe('none');
  });
});
