/**
 * The one QueryClient. Failed mutations are reported here, once, for the whole app: each
 * mutation names its action through `meta.describeFailure`, and the server's reason is appended,
 * e.g. "Couldn't complete “Call Dana”: The server had a problem (HTTP 500)."
 * Reads retry only what can get better by waiting (network, 429, 5xx); a 429 waits as long as
 * the server says (RateLimit's reset, else Retry-After) and is retried until the limit lets it
 * through, rather than shown as an error. A change withdrawn by the person (Undo before it was
 * sent, Discard) is not a failure to report.
 */
import { MutationCache, QueryClient, notifyManager } from '@tanstack/react-query';
import '@/lib/mutation-meta';
import { ApiError, isRetryableError } from '@/lib/api-client';
import { isWithdrawnChange } from '@/lib/outbox/outbox';
import { showErrorToast } from '@/components/toast/toast-store';

const MAX_READ_RETRIES = 2;
/** A rate limit resets within seconds; a read waits out this many resets before it gives up. */
const MAX_RATE_LIMITED_READ_RETRIES = 10;

function isRateLimited(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429;
}

export function readRetryDelayMs(attempt: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) return error.retryAfterMs + Math.floor(random() * 250);
  return Math.min(500 * 2 ** attempt, 5_000);
}

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
        if (mutation.meta?.showsOwnErrors || isWithdrawnChange(error)) return;
        showErrorToast(mutationFailureMessage(error, mutation.meta?.describeFailure?.(variables)));
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          isRetryableError(error) && failureCount < (isRateLimited(error) ? MAX_RATE_LIMITED_READ_RETRIES : MAX_READ_RETRIES),
        retryDelay: (attempt, error) => readRetryDelayMs(attempt, error),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
