import { describe, expect, it } from 'vitest';
import type { Me } from '@/shared/close/schemas';
import { type TaskListFilters, taskMatchesFilters } from './task-view-rules';
import { PENDING_TASK_PREFIX, pendingTaskOf } from './pending-task';

const me = {
  id: 'user_me',
  first_name: 'Maya',
  last_name: 'Patel',
  email: 'maya@example.com',
  organizations: [{ id: 'orga_1', name: 'Acme' }],
  memberships: [],
} as unknown as Me;
const jonas = { id: 'user_jonas', first_name: 'Jonas', last_name: 'Berg', email: 'jonas@example.com' };
const NOW = Date.UTC(2026, 10, 23, 15, 0);

describe('pendingTaskOf', () => {
  it('shows what the form knows, with the creator, the organization and a non-Close id', () => {
    const task = pendingTaskOf({ lead_id: 'lead_1', text: 'Call back', date: '2026-11-24', assigned_to: jonas.id }, { me, assignee: jonas, leadName: 'Acme Corp', nowMs: NOW });
    expect(task).toMatchObject({
      _type: 'lead',
      lead_id: 'lead_1',
      lead_name: 'Acme Corp',
      text: 'Call back',
      date: '2026-11-24',
      is_complete: false,
      assigned_to: 'user_jonas',
      assigned_to_name: 'Jonas Berg',
      created_by: 'user_me',
      created_by_name: 'Maya Patel',
      organization_id: 'orga_1',
      date_created: '2026-11-23T15:00:00.000Z',
    });
    expect(task.id.startsWith(PENDING_TASK_PREFIX)).toBe(true);
    expect(pendingTaskOf({ lead_id: 'lead_1' }, { me, assignee: null, leadName: 'Acme Corp', nowMs: NOW }).id).not.toBe(task.id);
  });

  it('defaults to me and no date, and lands in the lists the saved task will', () => {
    const task = pendingTaskOf({ lead_id: 'lead_1', text: 'Send the quote' }, { me, assignee: null, leadName: 'Acme Corp', nowMs: NOW });
    expect(task).toMatchObject({ assigned_to: 'user_me', assigned_to_name: 'Maya Patel', date: null });
    const inbox: TaskListFilters = { view: 'inbox', types: [], assignedTo: 'user_me', timeZone: 'America/New_York' };
    expect(taskMatchesFilters(task, inbox, NOW)).toBe(true);
    expect(taskMatchesFilters(task, { ...inbox, view: 'archive' }, NOW)).toBe(false);
    expect(taskMatchesFilters(task, { ...inbox, assignedTo: 'user_jonas' }, NOW)).toBe(false);
  });
});
