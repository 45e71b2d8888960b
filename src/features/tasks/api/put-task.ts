import type { Task, UpdateTaskBody } from '@/shared/close/schemas';
import { taskApi } from '@/lib/task-api';

/** One task's changed fields; answers with the whole task as stored. */
export function putTask(id: string, body: UpdateTaskBody, timeZone?: string): Promise<Task> {
  return taskApi.updateTask(id, body, timeZone);
}
