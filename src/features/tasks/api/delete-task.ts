import { taskApi } from '@/lib/task-api';

/** How Undo takes back a task this app just created (where the backend declares `deleteTask`). */
export function deleteTask(id: string, timeZone?: string): Promise<void> {
  return taskApi.deleteTask(id, timeZone);
}
