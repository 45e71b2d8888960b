import type { TaskView } from '@/shared/close/schemas';
import type { TaskListFilters } from './task-view-rules';
import { ASSIGNEE_EVERYONE, ASSIGNEE_ME, type ViewChoice } from './view-search';

/**
 * A view and the URL's choice as the list's filters, with "me" resolved to the signed-in user's id.
 * A `due` slice belongs to the inbox only; the key leaves it out elsewhere, so other views share their cache.
 */
export function resolveTaskListFilters(view: TaskView, choice: ViewChoice, meId: string): TaskListFilters {
  const assignedTo = choice.assignee === ASSIGNEE_ME ? meId : choice.assignee === ASSIGNEE_EVERYONE ? null : choice.assignee;
  const filters: TaskListFilters = { view, types: choice.types, assignedTo, timeZone: choice.timeZone };
  if (view === 'inbox' && choice.due) filters.due = choice.due;
  return filters;
}
