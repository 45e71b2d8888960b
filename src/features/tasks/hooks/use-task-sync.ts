/**
 * Keeps lists fresh without a reload: when another tab changes tasks it says so on the
 * BroadcastChannel and this tab refetches.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type TriageBroadcast, triageChannel } from '../api/task-cache';
import { taskKeys } from '../api/task-keys';

export function useCrossTabSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const channel = triageChannel();
    if (!channel) return;
    const onMessage = (event: MessageEvent<TriageBroadcast>) => {
      if (event.data?.type !== 'tasks-changed') return;
      // A change of ours still in flight would be overwritten by a refetch; its own settle refetches.
      if (queryClient.isMutating({ mutationKey: taskKeys.update() }) > 0) return;
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    };
    channel.addEventListener('message', onMessage);
    return () => channel.removeEventListener('message', onMessage);
  }, [queryClient]);
}

