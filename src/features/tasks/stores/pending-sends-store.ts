/**
 * Where each task's latest message stands, for its card and its reply form: in the Undo window or
 * in the outbox ("Sending…", or "Not sent" with Retry and Discard once the outbox gave up), at
 * Close ("Sent"), or refused or discarded ("Not sent": the words are kept here, and the reply form
 * opens with them, so the person can fix them and send again). Undo in the window keeps them too.
 */
import { create } from 'zustand';
import type { MessageDraft } from '../api/send-message';

export type MessageSendPhase = 'undo-window' | 'outbox' | 'sent' | 'refused' | 'discarded' | 'undone';

export type MessageSendStatus = {
  phase: MessageSendPhase;
  message: MessageDraft;
  /** "SMS to Dana Whitfield". */
  what: string;
  /** The outbox record while it is one (Retry and Discard act on it). */
  outboxId: string | null;
  /** Close's reason for a refusal. */
  reason: string | null;
};

type State = {
  byTask: Record<string, MessageSendStatus>;
  actions: {
    sendChanged: (taskId: string, status: MessageSendStatus) => void;
    /** Undo within the window: nothing was sent; the words wait in the reply form, as Gmail reopens the draft. */
    sendUndone: (taskId: string) => void;
  };
};

const useStore = create<State>()((set) => ({
  byTask: {},
  actions: {
    sendChanged: (taskId, status) => set((s) => ({ byTask: { ...s.byTask, [taskId]: status } })),
    sendUndone: (taskId) =>
      set((s) => {
        const status = s.byTask[taskId];
        return status ? { byTask: { ...s.byTask, [taskId]: { ...status, phase: 'undone', outboxId: null } } } : s;
      }),
  },
}));

export const useMessageSendStatus = (taskId: string) => useStore((s) => s.byTask[taskId] ?? null);
export const messageSendStatusNow = (taskId: string) => useStore.getState().byTask[taskId] ?? null;
export const messageSendActions = () => useStore.getState().actions;

const KEPT: ReadonlySet<MessageSendPhase> = new Set(['refused', 'discarded', 'undone']);

/** Words the person wrote that did not go out (refused, discarded, undone): the reply form starts from them. */
export function keptDraftOf(taskId: string): { message: MessageDraft; reason: string | null } | null {
  const status = messageSendStatusNow(taskId);
  if (!status || !KEPT.has(status.phase)) return null;
  return { message: status.message, reason: status.reason };
}
