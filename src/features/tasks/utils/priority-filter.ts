/**
 * The view's priority filter (`?priority=high|medium`). Close has no list filter on priority, so
 * the loaded pages are filtered here and the list reads on until it has matches or the view ends.
 * A task without a priority is `medium`, as Close treats it.
 */
import type { Task, TaskPriority } from '@/shared/close/schemas';

export function priorityOf(task: Pick<Task, 'priority'>): TaskPriority {
  return task.priority === 'high' ? 'high' : 'medium';
}

/** The same array when there is no filter, so memoized rows stay as they are. */
export function filterByPriority<T extends Pick<Task, 'priority'>>(tasks: T[], priority: TaskPriority | undefined): T[] {
  return priority ? tasks.filter((task) => priorityOf(task) === priority) : tasks;
}

/** The other value: `p` flips a task between high and the usual medium. */
export function toggledPriority(task: Pick<Task, 'priority'>): TaskPriority {
  return priorityOf(task) === 'high' ? 'medium' : 'high';
}
