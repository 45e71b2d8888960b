import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/** Completing with a note kept with the completion: only on a backend that declares `completionNote`. */
export type CompleteTaskWithNoteVariables = SingleTaskVariables & { note: string };

export function useCompleteTaskWithNote() {
  return useOptimisticTaskMutation<CompleteTaskWithNoteVariables>({
    verb: 'complete',
    optimistic: ({ task }) => ({ ...task, is_complete: true }),
    body: ({ note }) => (note.trim() ? { is_complete: true, completion_note: note.trim() } : { is_complete: true }),
  });
}
