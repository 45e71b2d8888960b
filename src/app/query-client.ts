/**
 * The one QueryClient. Failed mutations are reported here, once, for the whole app: each
 * mutation names its action through `meta.describeFailure`, and the server's reason is appended,
 * e.g. "Couldn't complete “Call Dana”: The server had a problem (HTTP 500)."
 * Reads retry only what can get better by waiting (network, 429, 5xx), honouring Retry-After.
 */
import { MutationCache, QueryClient, notifyManager } from '@tanstack/react-query';
import '@/lib/mutation-meta';
import { ApiError, isRetryableError } from '@/lib/api-client';
import { showErrorToast } from '@/components/toast/toast-store';

const MAX_READ_RETRIES = 2;

export function mutationFailureMessage(error: unknown, what: string | undefined): string {
  const reason = error instanceof Error ? error.message : String(error);
  return what ? `${what}: ${reason}` : `Something went wrong: ${reason}`;
}

/**
 * Cache updates reach components in a microtask rather than a later timer task: an optimistic
 * change written in a click handler is rendered before the browser paints the next frame.
 */
export function renderCacheUpdatesBeforePaint(): void {
  notifyManager.setScheduler((callback) => queueMicrotask(callback));
}

export function createQueryClient(): QueryClient {
  renderCacheUpdatesBeforePaint();
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, variables, _onMutateResult, mutation) => {
        if (mutation.meta?.showsOwnErrors) return;
        showErrorToast(mutationFailureMessage(error, mutation.meta?.describeFailure?.(variables)));
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < MAX_READ_RETRIES && isRetryableError(error),
        retryDelay: (attempt, error) =>
          error instanceof ApiError && error.retryAfterMs !== null ? error.retryAfterMs : Math.min(500 * 2 ** attempt, 5_000),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
