/**
 * The one outbox of task changes (src/lib/outbox) for this page, kept in IndexedDB, and its
 * wiring to the Query cache:
 *   - every task mutation's request is `enqueueTaskChange(...)`; the mutation settles when the
 *     outbox does (delivered, refused, cancelled by Undo, or discarded);
 *   - lists and counts read while changes are pending get them applied over the answer;
 *   - changes another page left behind are taken over, shown as pending, and their outcome is
 *     reported here (their mutation died with that page);
 *   - messages (text backs, email replies) go through it too, once their "Undo send" window has
 *     passed; their cards and outcomes follow it (message-send-outcomes.ts);
 *   - a successful read after a "sign in again" answer resumes the changes paused for it;
 *   - going offline pauses it, coming back resumes it (TanStack Query's onlineManager);
 *   - it holds one person's changes: each person's are kept apart (a database per person, named
 *     by their id from /me/), so a change is only ever sent as the person who made it, and one
 *     made before a switch of person waits for that person's next page.
 * `startTaskOutbox` runs when the browser is idle after the first view: opening the database and
 * reading what earlier pages left never sits between a key press and its frame.
 */
import { type QueryClient, onlineManager } from '@tanstack/react-query';
import { showErrorToast } from '@/components/toast/toast-store';
import { Outbox, isWithdrawnChange } from '@/lib/outbox/outbox';
import { indexedDbOutboxStorage } from '@/lib/outbox/outbox-storage';
import { webLocks } from '@/lib/outbox/web-locks';
import { meQueryOptions } from '../api/get-me';
import type { TaskCount } from '../api/list-tasks';
import { taskKeys } from '../api/task-keys';
import type { TaskPages } from '../utils/task-pages';
import type { TaskListFilters } from '../utils/task-view-rules';
import { overlayPendingOnList, pendingCountDelta } from './pending-overlay';
import { type ChangeProgress, type TaskChangePayload, type TaskChangeRecord, sendTaskChange, taskIdsOf } from './task-change-ops';

const progressOf = new Map<string, ChangeProgress>();
let queryClientOfPage: QueryClient | null = null;
/** Whose changes this page holds: known from /me/ before the outbox opens its database. */
let personId = '';

export const taskOutbox = new Outbox<TaskChangePayload>({
  storage: indexedDbOutboxStorage<TaskChangeRecord>(() => `triage-outbox-${personId}`),
  execute: (record, context) => sendTaskChange(record, context, progressOf.get(record.id)),
  keysOf: taskIdsOf,
  locks: webLocks(),
  isOnline: () => onlineManager.isOnline(),
  onAdopted: (record) => {
    const { payload } = record;
    if (payload.kind === 'send') void sendOutcomes().then((m) => m.messageSendAdopted(payload, record.id));
    else if (queryClientOfPage) overlayOnCachedLists(queryClientOfPage, [record.payload]);
  },
  onSettled: (record, outcome, adopted) => {
    progressOf.delete(record.id);
    const { payload } = record;
    if (payload.kind === 'send') {
      // Its card and its one message, whichever page made it (message-send-outcomes.ts).
      void sendOutcomes().then(({ messageSendSettled }) => {
        const completion = messageSendSettled(payload, outcome, adopted);
        if (completion) {
          enqueueTaskChange(completion.payload, completion.label).result.catch((error: unknown) => {
            if (!isWithdrawnChange(error)) showErrorToast(`Couldn't ${completion.label}: ${error instanceof Error ? error.message : String(error)}`);
          });
          if (queryClientOfPage) overlayOnCachedLists(queryClientOfPage, [completion.payload]);
        }
        if (adopted && queryClientOfPage) refreshWhenSettled(queryClientOfPage);
      });
      return;
    }
    if (!adopted || !queryClientOfPage) return;
    if (!outcome.ok && !isWithdrawnChange(outcome.error)) {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      showErrorToast(`Couldn't ${record.label}: ${reason}`);
    }
    refreshWhenSettled(queryClientOfPage);
  },
});

/**
 * What a message's record does to the screen, loaded once a message is in play: the app's first
 * chunk, which every page load pays for, carries none of it.
 */
function sendOutcomes() {
  return import('./message-send-outcomes');
}

/** Puts a change in the outbox; `label` finishes "Couldn't …" ("complete “Call Dana”"). */
export function enqueueTaskChange(payload: TaskChangePayload, label: string, onProgress?: ChangeProgress): { id: string; result: Promise<unknown> } {
  const queued = taskOutbox.enqueue(payload, label);
  if (onProgress) progressOf.set(queued.id, onProgress);
  return queued;
}

function pendingPayloads(): TaskChangePayload[] {
  return taskOutbox.pendingRecords().map((r) => r.payload);
}

function overlayOnCachedLists(queryClient: QueryClient, payloads: readonly TaskChangePayload[]): void {
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() })) {
    if (!data) continue;
    const next = overlayPendingOnList(data, payloads, key[2] as TaskListFilters, Date.now());
    if (next !== data) queryClient.setQueryData(key, next);
  }
}

/** Once nothing of this page's is in flight and the outbox is empty, the screen shows the server's state. */
function refreshWhenSettled(queryClient: QueryClient): void {
  if (taskOutbox.pendingRecords().length > 0 || queryClient.isMutating({ mutationKey: taskKeys.update() }) > 0) return;
  void queryClient.invalidateQueries({ queryKey: taskKeys.all });
}

let started = false;

export function startTaskOutbox(queryClient: QueryClient): void {
  if (started) return;
  started = true;
  queryClientOfPage = queryClient;
  onlineManager.subscribe(() => taskOutbox.connectivityChanged());
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
    // The person's session works again (or never stopped working).
    taskOutbox.signedIn();
    const key = event.query.queryKey;
    if (key[0] !== taskKeys.all[0] || taskOutbox.pendingRecords().length === 0) return;
    const filters = key[2] as TaskListFilters;
    if (key[1] === taskKeys.lists()[1]) {
      const data = event.query.state.data as TaskPages | undefined;
      if (!data) return;
      const next = overlayPendingOnList(data, pendingPayloads(), filters, Date.now());
      if (next !== data) queryClient.setQueryData(key, next);
    } else if (key[1] === taskKeys.counts()[1]) {
      const data = event.query.state.data as TaskCount | undefined;
      const delta = data ? pendingCountDelta(pendingPayloads(), filters, Date.now()) : 0;
      if (data && delta !== 0) queryClient.setQueryData<TaskCount>(key, { ...data, count: Math.max(0, data.count + delta) });
    }
  });
  void signedInPerson(queryClient)
    .then((id) => {
      personId = id;
      return taskOutbox.start();
    })
    .then(() => {
      // A read this page made before the outbox started has already shown the session works.
      const pageStart = performance.timeOrigin;
      if (queryClient.getQueryCache().getAll().some((q) => q.state.status === 'success' && q.state.dataUpdatedAt >= pageStart)) taskOutbox.signedIn();
    });
}

/** The id of the person this page acts as: /me/ (usually in the cache by now), or once it is answered. */
async function signedInPerson(queryClient: QueryClient): Promise<string> {
  try {
    return (await queryClient.ensureQueryData(meQueryOptions())).id;
  } catch {
    // Not signed in (yet): the page goes to sign-in, or a later read of /me/ succeeds.
    return new Promise((resolve) => {
      const stop = queryClient.getQueryCache().subscribe((event) => {
        const data = event.query.state.data as { id?: string } | undefined;
        if (event.query.queryKey[0] !== meQueryOptions().queryKey[0] || event.query.state.status !== 'success' || !data?.id) return;
        stop();
        resolve(data.id);
      });
    });
  }
}
