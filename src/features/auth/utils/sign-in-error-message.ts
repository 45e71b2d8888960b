import { ApiError } from '@/lib/api-client';

/** What a person reads when a sign-in with a key fails: what happened and what to do about it. */
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Sign-in failed. Try again.';
  if (error.status === 0) return "Can't reach Triage's server. Check your connection and try again.";
  if (error.status === 401) return 'Close refused this API key. Check that you copied all of it and that it has not been deleted in Close.';
  if (error.status === 400 && error.fieldErrors.api_key) return 'Enter your Close API key.';
  if (error.status === 429) return `Too many sign-in attempts from this device. Try again ${inAWhile(error.retryAfterMs)}.`;
  if (error.status === 502 || error.status === 503 || error.status === 504) return "Can't reach Close right now. Try again in a moment.";
  return `Sign-in failed: ${error.message}`;
}

function inAWhile(ms: number | null): string {
  if (ms === null) return 'in a few minutes';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 1) return 'in a minute';
  return `in ${minutes} minutes`;
}

/**
 * Why the backend's OAuth brought the person back without signing them in (`?error=` on
 * /sign-in); offers the API key only where the backend has them.
 */
export function oauthErrorMessage(error: string, provider = 'Close', apiKey = true): string {
  const instead = apiKey ? 'Try again, or use an API key.' : 'Try again.';
  if (error === 'access_denied') return `Sign-in with ${provider} was cancelled. ${instead}`;
  if (error === 'close_unreachable') return `Couldn't reach ${provider} to finish signing in. ${instead}`;
  return `Sign-in with ${provider} didn't finish. ${instead}`;
}
