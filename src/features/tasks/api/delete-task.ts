import { z } from 'zod/mini';
import { apiRequest } from '@/lib/api-client';

/** Close answers a deletion with an empty object (200); its contents are not used. */
const DeletedSchema = z.looseObject({});

/** `DELETE /task/{id}/`: how Undo takes back a task this app just created. */
export async function deleteTask(id: string, timeZone?: string): Promise<void> {
  await apiRequest({ method: 'DELETE', path: `/task/${encodeURIComponent(id)}/`, schema: DeletedSchema, timeZone });
}
