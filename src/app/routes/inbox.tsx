import { createFileRoute } from '@tanstack/react-router';
import { loadTaskView } from '@/features/tasks/api/load-task-view';
import { TaskListSkeleton } from '@/features/tasks/components/task-list-skeleton';
import { TaskViewError } from '@/features/tasks/components/task-view-error';
import { TaskViewPage } from '@/features/tasks/components/task-view-page';

export const Route = createFileRoute('/inbox')({
  loaderDeps: ({ search }) => ({ types: search.types, assignee: search.assignee, tz: search.tz, due: search.due }),
  loader: ({ context, deps }) => loadTaskView(context.queryClient, 'inbox', deps),
  component: () => <TaskViewPage view="inbox" />,
  pendingComponent: () => <TaskListSkeleton />,
  errorComponent: TaskViewError,
});
