import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { dayInZone } from '@/shared/close/zones';
import { taskKeys } from '../api/task-keys';
import { useNow } from './use-now';

/** When the user's day rolls over in the chosen zone, inbox and future move a day: refetch them. */
export function useDayRollover(timeZone: string): void {
  const queryClient = useQueryClient();
  const nowMs = useNow();
  const day = dayInZone(nowMs, timeZone);
  const previous = useRef(day);
  useEffect(() => {
    if (previous.current === day) return;
    previous.current = day;
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
  }, [day, queryClient]);
}
