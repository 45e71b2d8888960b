import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { authRequest } from './auth-request';

/** A person of the embedded API's demo organization (never with their key). */
export const DemoUserSchema = z.looseObject({
  id: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  role: z.string(),
  time_zone: z.optional(z.string()),
});
export type DemoUser = z.infer<typeof DemoUserSchema>;

/** How this server signs people in: whether it must, whether Close's OAuth is offered, and (embedded) who the demo users are. */
export const AuthConfigSchema = z.looseObject({
  backend: z.string(),
  sign_in: z.enum(['optional', 'required']),
  oauth: z.boolean(),
  demo_users: z.optional(z.nullable(z.array(DemoUserSchema))),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

export function getAuthConfig(signal?: AbortSignal) {
  return authRequest({ path: '/auth/config', schema: AuthConfigSchema, signal });
}

export const authConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'config'] as const,
    queryFn: ({ signal }) => getAuthConfig(signal),
    // Settings change only with a restart of the server.
    staleTime: Number.POSITIVE_INFINITY,
  });
