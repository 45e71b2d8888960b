import { useMutation } from '@tanstack/react-query';
import { authRequest } from './auth-request';
import { SignedInSchema } from './sign-in-with-key';
import { useForgetPreviousPerson } from './forget-previous-person';

/** Embedded API only: a new session as one of the demo users, with that user's own demo key. */
export function signInAsDemoUser(userId: string) {
  return authRequest({ method: 'POST', path: '/auth/demo-session', body: { user_id: userId }, schema: SignedInSchema });
}

export function useSignInAsDemoUser() {
  const forgetPreviousPerson = useForgetPreviousPerson();
  return useMutation({
    mutationFn: signInAsDemoUser,
    onSuccess: forgetPreviousPerson,
    meta: { describeFailure: () => "Couldn't switch user" },
  });
}
