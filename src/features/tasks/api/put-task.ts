import { type Task, TaskSchema, type UpdateTaskBody } from '@/shared/close/schemas';
import { apiRequest } from '@/lib/api-client';

/** `PUT /task/{id}/`: the changed fields only; answers with the whole task as stored. */
export function putTask(id: string, body: UpdateTaskBody, timeZone?: string): Promise<Task> {
  return apiRequest({ method: 'PUT', path: `/task/${encodeURIComponent(id)}/`, body, schema: TaskSchema, timeZone });
}
