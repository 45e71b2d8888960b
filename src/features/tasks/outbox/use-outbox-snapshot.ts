import { useSyncExternalStore } from 'react';
import type { OutboxSnapshot } from '@/lib/outbox/outbox';
import type { TaskChangePayload } from './task-change-ops';
import { taskOutbox } from './task-outbox';

const subscribe = (listener: () => void) => taskOutbox.subscribe(listener);
const EMPTY: OutboxSnapshot<TaskChangePayload> = { entries: [], pausedFor: null };

/** What the page's outbox holds, re-rendering when it changes (empty on the server). */
export function useOutboxSnapshot(): OutboxSnapshot<TaskChangePayload> {
  return useSyncExternalStore(subscribe, taskOutbox.getSnapshot, () => EMPTY);
}
