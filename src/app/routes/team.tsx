import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod/mini';
import { settleTaskChange } from '@/features/tasks/api/task-cache';
import { taskKeys } from '@/features/tasks/api/task-keys';
import { TaskViewError } from '@/features/tasks/components/task-view-error';
import { enqueueTaskChange } from '@/features/tasks/outbox/task-outbox';
import { teamQueryOptions } from '@/features/team/api/get-team';
import { TeamDeskPage } from '@/features/team/components/team-desk-page';
import { DESK_SORTS } from '@/features/team/utils/desk-sort';
import { type TaskChangesPort, TaskChangesPortContext } from '@/features/team/api/task-changes-port';

// The desk moves tasks through the tasks' outbox: the app, which composes features, connects them.
const TASK_CHANGES: TaskChangesPort = {
  enqueue: enqueueTaskChange,
  mutationKey: taskKeys.update(),
  taskQueryKey: taskKeys.all,
  settled: settleTaskChange,
};

/** `?sort=overdue`: the column the rows are ordered by (most first); a bad value falls back to names. */
const teamSearchSchema = z.object({ sort: z.catch(z.optional(z.enum(DESK_SORTS)), undefined) });

export const Route = createFileRoute('/team')({
  // The desk's loader goes with its component into the route's own chunk: the inbox's first
  // view, which every page load pays for, does not carry the team's API code.
  codeSplitGroupings: [['loader', 'component'], ['errorComponent']],
  validateSearch: teamSearchSchema,
  loader: ({ context }) => context.queryClient.ensureQueryData(teamQueryOptions()),
  component: TeamRoute,
  errorComponent: TaskViewError,
});

function TeamRoute() {
  const { sort } = Route.useSearch();
  return (
    <TaskChangesPortContext.Provider value={TASK_CHANGES}>
      <TeamDeskPage sort={sort ?? 'name'} />
    </TaskChangesPortContext.Provider>
  );
}
