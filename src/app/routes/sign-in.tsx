import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { authConfigQueryOptions } from '@/features/auth/api/get-auth-config';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { DEFAULT_RETURN_TO, safeReturnTo } from '@/features/auth/utils/return-to';

/** `return_to`: a path of this site, else the inbox; `error`: why the backend's OAuth came back without a session. */
export const signInSearchSchema = z.object({
  return_to: z.catch(z.pipe(z.optional(z.unknown()), z.transform(safeReturnTo)), DEFAULT_RETURN_TO),
  error: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
});

export const Route = createFileRoute('/sign-in')({
  validateSearch: signInSearchSchema,
  // The page stands alone: no task views, filters or shortcuts around it (see __root.tsx).
  staticData: { withoutShell: true },
  // What the backend offers (its OAuth, API keys), before the page shows; without it the key form still works.
  loader: ({ context }) => context.queryClient.ensureQueryData(authConfigQueryOptions()).catch(() => undefined),
  component: SignInRoute,
});

function SignInRoute() {
  const { return_to, error } = Route.useSearch();
  return <SignInPage returnTo={return_to} error={error} />;
}
