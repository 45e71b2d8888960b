import { useQuery } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet, retainSearchParams, useLocation, useMatches } from '@tanstack/react-router';
import { meQueryOptions } from '@/features/tasks/api/get-me';
import { TriageShell } from '@/features/tasks/components/triage-shell';
import { viewSearchSchema } from '@/features/tasks/utils/view-search';
import { TeamNavLink } from '@/features/team/components/team-nav-link';
import { useReportMyZone } from '@/features/team/hooks/use-report-my-zone';
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
  const onDesk = useLocation({ select: (l) => l.pathname.startsWith('/team') });
  if (withoutShell) return <Outlet />;
  return (
    <TriageShell account={<AccountMenu />} nav={<TeamNavLink />} taskView={!onDesk}>
      <ReportMyZone />
      <Outlet />
    </TriageShell>
  );
}

/** Tells the server this browser's zone once the signed-in person is known (the desk counts in it). */
function ReportMyZone() {
  useReportMyZone(useQuery(meQueryOptions()).data?.id ?? null);
  return null;
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
