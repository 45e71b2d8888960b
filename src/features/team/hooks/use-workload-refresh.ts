/**
 * Keeps the desk's counts true while it is open: they are read again when the last task change
 * settles (a move from here, or any change sharing the task mutation key), and when the task
 * queries are invalidated (another tab changed tasks). Several such moments in one tick make one
 * refresh.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { teamKeys } from '../api/team-keys';
import { useTaskChangesPort } from '../api/task-changes-port';

function sameKey(key: readonly unknown[] | undefined, expected: readonly unknown[]): boolean {
  return Boolean(key) && expected.every((part, i) => key![i] === part);
}

export function useWorkloadRefresh(): void {
  const queryClient = useQueryClient();
  const { mutationKey, taskQueryKey } = useTaskChangesPort();
  useEffect(() => {
    let pending = false;
    const refresh = (client: QueryClient) => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        void client.invalidateQueries({ queryKey: teamKeys.workloads() });
      });
    };
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || !sameKey(event.mutation.options.mutationKey, mutationKey)) return;
      const status = event.mutation.state.status;
      if (status !== 'success' && status !== 'error') return;
      if (queryClient.isMutating({ mutationKey }) === 0) refresh(queryClient);
    });
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'invalidate' && sameKey(event.query.queryKey, taskQueryKey)) refresh(queryClient);
    });
    return () => {
      stopMutations();
      stopQueries();
    };
  }, [queryClient, mutationKey, taskQueryKey]);
}
