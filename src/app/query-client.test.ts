import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { toastActions, toastsNow } from '@/components/toast/toast-store';
import { OutboxCancelledError } from '@/lib/outbox/outbox';
import { createQueryClient, mutationFailureMessage, readRetryDelayMs } from './query-client';

afterEach(() => toastActions().toastsCleared());

async function runFailing(meta: Record<string, unknown>, variables: unknown, error: Error) {
  const client = createQueryClient();
  const mutation = client.getMutationCache().build(client, {
    mutationFn: async () => {
      throw error;
    },
    meta,
  });
  await mutation.execute(variables).catch(() => {});
}

describe('the query client', () => {
  it('reports a failed mutation once, naming the action, the task and the server reason', async () => {
    await runFailing(
      { describeFailure: (title: unknown) => `Couldn't complete “${String(title)}”` },
      'Call Dana',
      new ApiError('Database is on fire', 500),
    );
    expect(toastsNow().map((t) => [t.tone, t.message])).toEqual([['error', "Couldn't complete “Call Dana”: Database is on fire"]]);
  });

  it('leaves the failure to a form that shows its own', async () => {
    await runFailing({ describeFailure: () => "Couldn't create the task", showsOwnErrors: true }, undefined, new ApiError('lead_id: Unknown lead.', 400));
    expect(toastsNow()).toEqual([]);
  });

  it('still says something for a mutation without a description', () => {
    expect(mutationFailureMessage(new Error('boom'), undefined)).toBe('Something went wrong: boom');
  });
});

describe('reads under a rate limit', () => {
  it('retry a 429 after the time the server gave, many times over, and other failures twice', () => {
    const client = createQueryClient();
    const retry = client.getDefaultOptions().queries?.retry as (count: number, error: unknown) => boolean;
    const limited = new ApiError('API call count exceeded', 429, {}, 1_000);
    expect(retry(5, limited)).toBe(true);
    expect(retry(10, limited)).toBe(false);
    expect(retry(1, new ApiError('Bad gateway', 502))).toBe(true);
    expect(retry(2, new ApiError('Bad gateway', 502))).toBe(false);
    expect(retry(0, new ApiError('Not found', 404))).toBe(false);
    expect(readRetryDelayMs(3, limited, () => 0)).toBe(1_000);
    expect(readRetryDelayMs(3, limited, () => 0.999)).toBeLessThan(1_250);
  });

  it('does not report a change the person withdrew', async () => {
    await runFailing({ describeFailure: () => "Couldn't complete “Call Dana”" }, undefined, new OutboxCancelledError());
    expect(toastsNow()).toEqual([]);
  });
});
