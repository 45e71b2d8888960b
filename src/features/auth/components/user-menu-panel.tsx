import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { authConfigQueryOptions } from '../api/get-auth-config';
import { sessionQueryOptions } from '../api/get-session';
import { useSignInAsDemoUser } from '../api/sign-in-as-demo-user';
import { useSignOut } from '../api/sign-out';
import { loadPageAfresh } from '../utils/load-page-afresh';
import { signInHref } from '../utils/return-to';
import { type MenuPerson, personName } from './menu-person';

const ITEM =
  'flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-60 dark:text-slate-100 dark:hover:bg-slate-800';

/**
 * The open user menu: who is signed in, "Switch user" (embedded API), Sign out.
 *
 * With sign-in optional, a browser without a session acts as the server's default person, and
 * asking `/auth/session` would only be refused (a 401 the browser logs as an error): so "how
 * you signed in" is asked only where there is always a session, with sign-in required; Sign out
 * is always offered (without a session it changes nothing), and so is signing in as yourself.
 */
export default function UserMenuPanel({ person, headingId }: { person: MenuPerson | undefined; headingId: string }) {
  const here = useLocation({ select: (l) => l.href });
  const config = useQuery(authConfigQueryOptions());
  const required = config.data?.sign_in === 'required';
  const session = useQuery({ ...sessionQueryOptions(), enabled: required });
  const switchUser = useSignInAsDemoUser();
  const signOut = useSignOut();
  const demoUsers = config.data?.demo_users ?? [];
  const busy = switchUser.isPending || signOut.isPending;

  return (
    <>
      {person ? (
        <p className="px-2 pb-2 text-xs text-slate-600 dark:text-slate-400">
          Signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{personName(person)}</span>
          <br />
          {person.email}
          {session.data?.credential ? (
            <>
              <br />
              {session.data.credential === 'oauth' ? `with your ${config.data?.provider ?? 'Close'} account` : 'with an API key'}
            </>
          ) : null}
        </p>
      ) : null}
      {demoUsers.length > 0 ? (
        <section aria-labelledby={headingId} className="border-t border-slate-200 pt-2 dark:border-slate-700">
          <h2 id={headingId} className="px-2 pb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">
            Switch user
          </h2>
          <ul>
            {demoUsers.map((user) => {
              const current = user.id === person?.id;
              return (
                <li key={user.id}>
                  <button
                    type="button"
                    disabled={busy || current}
                    aria-current={current ? 'true' : undefined}
                    onClick={() => switchUser.mutate(user.id, { onSuccess: () => loadPageAfresh() })}
                    className={ITEM}
                  >
                    <span>
                      {personName(user)}
                      {current ? <span className="sr-only"> (you)</span> : null}
                    </span>
                    <span className="text-xs text-slate-600 dark:text-slate-400">{user.role}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <div className="mt-1 border-t border-slate-200 pt-1 dark:border-slate-700">
        {config.isSuccess && !required ? (
          <a href={signInHref(here)} className={ITEM}>
            Sign in as yourself
          </a>
        ) : null}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            signOut.mutate(undefined, {
              // With sign-in required, the next person signs in; otherwise the server's default person is back.
              onSuccess: () => loadPageAfresh(required ? signInHref(here) : undefined),
            })
          }
          className={ITEM}
        >
          Sign out
        </button>
      </div>
    </>
  );
}
