import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { toastActions, toastsNow } from '@/components/toast/toast-store';
import { createQueryClient, mutationFailureMessage } from './query-client';

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
