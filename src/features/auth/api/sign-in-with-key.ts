import { useMutation } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { UserSchema } from '@/shared/close/schemas';
import { authRequest } from './auth-request';
import { useForgetPreviousPerson } from './forget-previous-person';

/** The answer to a sign-in: who the new session is (the cookie comes with it, out of the page's reach). */
export const SignedInSchema = z.looseObject({ user: UserSchema });
export type SignedIn = z.infer<typeof SignedInSchema>;

/** Signs in with a Close API key, which the server checks with Close's `GET /me/` and keeps. */
export function signInWithKey(apiKey: string) {
  return authRequest({ method: 'POST', path: '/auth/session', body: { api_key: apiKey }, schema: SignedInSchema });
}

export function useSignInWithKey() {
  const forgetPreviousPerson = useForgetPreviousPerson();
  return useMutation({
    mutationFn: signInWithKey,
    onSuccess: forgetPreviousPerson,
    // The form says what went wrong (wrong key, Close unreachable, too many attempts).
    meta: { showsOwnErrors: true },
  });
}
