import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAfterFirstViewShown } from '@/components/use-after-first-view';
import { startTaskOutbox } from './task-outbox';

/**
 * Starts the outbox in the browser's first idle moment after the first view is on screen: the
 * database opens and what earlier pages left is read and resumed then, never between a key
 * press and the frame that shows its change. A change made before then waits in memory for it.
 */
export function useTaskOutbox(): void {
  const queryClient = useQueryClient();
  const idle = useAfterFirstViewShown();
  useEffect(() => {
    if (idle) startTaskOutbox(queryClient);
  }, [idle, queryClient]);
}
