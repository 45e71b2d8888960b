import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { UserSchema } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import { authRequest } from './auth-request';

/** Who this browser's session is, and how they signed in. */
export const SessionSchema = z.looseObject({
  user: UserSchema,
  credential: z.optional(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;

/** This browser's session, or null when it has none (the server answers 401). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await authRequest({ path: '/auth/session', schema: SessionSchema, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'session'] as const,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });
