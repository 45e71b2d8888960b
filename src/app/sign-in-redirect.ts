import { signInHref } from '@/features/auth/utils/return-to';
import { onSignInRequired } from '@/lib/sign-in-required';
import type { createAppRouter } from './router';

/**
 * Takes the person to sign-in when a request finds they must (no session, or an expired or
 * revoked one), remembering the page they were on; they come back to it once signed in. Many
 * requests failing at once lead there once: the first moves the page, the rest find it there.
 * The sign-in page replaces the page in the history, so Back does not bounce off it again.
 */
export function sendToSignInWhenRequired(router: ReturnType<typeof createAppRouter>): () => void {
  return onSignInRequired(() => {
    if (window.location.pathname === '/sign-in') return;
    const { pathname, search, hash } = window.location;
    router.history.replace(signInHref(`${pathname}${search}${hash}`));
  });
}
