import { createRootRouteWithContext, Outlet, retainSearchParams, useMatches } from '@tanstack/react-router';
import { TriageShell } from '@/features/tasks/components/triage-shell';
import { viewSearchSchema } from '@/features/tasks/utils/view-search';
import { AccountMenu } from '../account-menu';
import type { RouterContext } from '../router';

export const Route = createRootRouteWithContext<RouterContext>()({
  // Every view shares these params (types, assignee, tz); a bad value falls back to its default.
  validateSearch: viewSearchSchema,
  search: { middlewares: [retainSearchParams(['types', 'assignee', 'tz'])] },
  component: RootLayout,
  notFoundComponent: NotFound,
});

function RootLayout() {
  const withoutShell = useMatches({ select: (matches) => matches.some((m) => m.staticData.withoutShell) });
  if (withoutShell) return <Outlet />;
  return (
    <TriageShell account={<AccountMenu />}>
      <Outlet />
    </TriageShell>
  );
}

function NotFound() {
  return (
    <div className="py-16 text-center">
      <h2 className="text-lg font-semibold">Page not found</h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Try the <a className="text-sky-700 underline dark:text-sky-300" href="/inbox">inbox</a>.
      </p>
    </div>
  );
}
