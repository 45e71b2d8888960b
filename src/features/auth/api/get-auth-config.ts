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

/**
 * How this server signs people in, as its backend's connector describes it: whether it must, the
 * backend's name, whether it takes API keys, whether its OAuth is offered and where it starts,
 * where to find things in the backend, and (embedded) who the demo users are.
 */
export const AuthConfigSchema = z.looseObject({
  backend: z.string(),
  sign_in: z.enum(['optional', 'required']),
  provider: z._default(z.string(), 'Close'),
  api_key: z._default(z.boolean(), true),
  oauth: z.boolean(),
  oauth_start: z._default(z.nullable(z.string()), null),
  help: z._default(z.object({ api_key: z.nullable(z.string()), oauth: z.nullable(z.string()) }), { api_key: null, oauth: null }),
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
