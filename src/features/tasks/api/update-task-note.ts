import { type SingleTaskVariables, useOptimisticTaskMutation } from './use-optimistic-task-mutation';

/**
 * A backend's own note on a task (a task that carries `note`: Outreach's), editable on every type.
 * The contract's editable text is `text`: the connector writes it as the note. The note shows at
 * once; the task's title from the server replaces the guess when it answers.
 */
export type UpdateTaskNoteVariables = SingleTaskVariables & { note: string };

export function useUpdateTaskNote() {
  return useOptimisticTaskMutation<UpdateTaskNoteVariables>({
    verb: 'edit the note of',
    optimistic: ({ task, note }) => ({ ...task, note, text: note }),
    body: ({ note }) => ({ text: note }),
  });
}
