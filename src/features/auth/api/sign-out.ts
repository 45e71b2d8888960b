import { useMutation } from '@tanstack/react-query';
import { authRequest } from './auth-request';
import { useForgetPreviousPerson } from './forget-previous-person';

/** Ends this browser's session on the server (its cookie stops working everywhere) and clears the cookie. */
export function signOut() {
  return authRequest({ method: 'DELETE', path: '/auth/session', schema: null });
}

export function useSignOut() {
  const forgetPreviousPerson = useForgetPreviousPerson();
  return useMutation({
    mutationFn: signOut,
    onSuccess: forgetPreviousPerson,
    meta: { describeFailure: () => "Couldn't sign out" },
  });
}
