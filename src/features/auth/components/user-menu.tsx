import { Suspense, lazy, useCallback, useId, useState } from 'react';
import { useDisclosureDismissal } from '@/components/ui/use-disclosure-dismissal';
import { type MenuPerson, personName } from './menu-person';

// The panel (its requests, Switch user, Sign out) loads on first open, outside the first bundle.
const UserMenuPanel = lazy(() => import('./user-menu-panel'));

/**
 * Who is signed in, in the header: their name, and a disclosure with Sign out and (embedded API)
 * "Switch user" to any demo user. Always on screen, so a native disclosure (docs/decisions/0004):
 * no react-aria in the first bundle.
 */
export function UserMenu({ person }: { person: MenuPerson | undefined }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  const { rootRef, buttonRef, onKeyDown } = useDisclosureDismissal(open, close);

  return (
    <div ref={rootRef} className="relative" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={person ? `Account: ${personName(person)}` : 'Account'}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-8 max-w-48 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <span className="truncate" data-testid="signed-in-name">
          {person ? personName(person) : 'Account'}
        </span>
        <span aria-hidden="true">▾</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {open ? (
          <Suspense fallback={<p className="px-2 py-1.5 text-sm text-slate-600 dark:text-slate-400">Loading…</p>}>
            <UserMenuPanel person={person} headingId={`${panelId}-switch`} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
