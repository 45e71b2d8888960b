import { Link } from '@tanstack/react-router';

/** The header's link to the manager's desk (also `g t`, listed in the shortcut sheet). */
export function TeamNavLink() {
  return (
    <Link
      to="/team"
      activeProps={{ 'aria-current': 'page' }}
      className="inline-flex items-center rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-sky-50 aria-[current=page]:text-sky-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-950 dark:aria-[current=page]:text-sky-100"
    >
      Team
    </Link>
  );
}
