import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * After the session changes hands, nothing of the previous person's may be shown to the next:
 * every cached answer ("Me", tasks, people, the session itself) goes. Queries only: the
 * mutation that changed the session is still settling.
 */
export function useForgetPreviousPerson(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.removeQueries(), [queryClient]);
}
