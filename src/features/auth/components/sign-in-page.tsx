import { useQuery } from '@tanstack/react-query';
import { authConfigQueryOptions, type DemoUser } from '../api/get-auth-config';
import { useSignInAsDemoUser } from '../api/sign-in-as-demo-user';
import { useSignOut } from '../api/sign-out';
import { loadPageAfresh } from '../utils/load-page-afresh';
import { oauthSignInHref } from '../utils/return-to';
import { oauthErrorMessage } from '../utils/sign-in-error-message';
import { ApiKeyForm } from './api-key-form';

const BUTTON_SECONDARY =
  'inline-flex h-10 items-center justify-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/**
 * Sign-in, on its own page without the inbox around it, as `/auth/config` describes the backend:
 * its OAuth ("Sign in with Outreach") when the server offers it, an API key where the backend has
 * them (Close; also while the config is unknown, as before), where to find things in the backend,
 * and (embedded API) the demo users in one click. `returnTo` (already checked to be a path of this
 * site) is where the person was and goes back to.
 */
export function SignInPage({ returnTo, error }: { returnTo: string; error?: string | undefined }) {
  const config = useQuery(authConfigQueryOptions()).data;
  const provider = config?.provider ?? 'Close';
  const apiKey = config?.api_key ?? true;
  // In place of the sign-in page in the history: Back does not return to it.
  const goBack = () => loadPageAfresh(returnTo);

  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-slate-50">Sign in to Triage</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Your tasks in {provider}, as you: your inbox, and your changes under your name.</p>
      </div>
      {error ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
          {oauthErrorMessage(error, provider, apiKey)}
        </p>
      ) : null}
      {config?.oauth ? (
        <section aria-labelledby="sign-in-oauth" className="flex flex-col gap-2">
          <h2 id="sign-in-oauth" className="sr-only">
            Sign in with your {provider} account
          </h2>
          {/* A page load, not a route: the server sends the browser on to the backend and back. */}
          <a
            href={oauthSignInHref(returnTo, config.oauth_start ?? undefined)}
            className="inline-flex h-10 items-center justify-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
          >
            Sign in with {provider}
          </a>
          {config.help.oauth ? <p className="text-sm text-slate-600 dark:text-slate-400">{config.help.oauth}</p> : null}
        </section>
      ) : null}
      {apiKey ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-950">
          <ApiKeyForm onSignedIn={goBack} help={config?.help.api_key} />
        </div>
      ) : null}
      {!apiKey && !config?.oauth && config?.sign_in === 'required' ? (
        <p role="alert" className="text-sm text-slate-700 dark:text-slate-300">
          Signing in with {provider} is not set up on this server. Ask whoever runs Triage to set up its OAuth client.
        </p>
      ) : null}
      {config?.demo_users?.length ? <DemoUsers users={config.demo_users} onSignedIn={goBack} /> : null}
      {config?.sign_in === 'optional' ? <ContinueWithoutSignIn onDone={goBack} /> : null}
    </main>
  );
}

/**
 * With sign-in optional, the server's default person acts for a browser without a session; one
 * whose session ended is sent here (not silently turned into that person) and may choose to be.
 * Signing out drops the dead session's cookie.
 */
function ContinueWithoutSignIn({ onDone }: { onDone: () => void }) {
  const signOut = useSignOut();
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Or{' '}
      <button
        type="button"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSuccess: onDone })}
        className="font-medium text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:text-sky-300 dark:hover:text-sky-100"
      >
        continue without signing in
      </button>
      , as this server's shared account.
    </p>
  );
}

/** The embedded API's demo organization: look at any demo user's day without a key. */
function DemoUsers({ users, onSignedIn }: { users: readonly DemoUser[]; onSignedIn: () => void }) {
  const signIn = useSignInAsDemoUser();
  return (
    <section aria-labelledby="sign-in-demo" className="flex flex-col gap-2">
      <h2 id="sign-in-demo" className="text-base font-semibold text-slate-900 dark:text-slate-50">
        Or try a demo user
      </h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {users.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              disabled={signIn.isPending}
              onClick={() => signIn.mutate(user.id, { onSuccess: onSignedIn })}
              className={`${BUTTON_SECONDARY} w-full`}
            >
              {user.first_name} {user.last_name}
              <span className="ml-1 text-slate-600 dark:text-slate-400">· {user.role}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
