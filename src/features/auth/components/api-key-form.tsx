import { type FormEvent, useId, useState } from 'react';
import { useSignInWithKey } from '../api/sign-in-with-key';
import { signInErrorMessage } from '../utils/sign-in-error-message';

const INPUT =
  'h-10 w-full rounded-md border border-slate-300 bg-white px-3 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 aria-[invalid=true]:border-red-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400';

/**
 * "Use an API key": a person pastes their own Close key; the server checks it with Close and
 * keeps it (the page never sees it again). Every failure is said in words next to the field.
 */
export function ApiKeyForm({ onSignedIn, help }: { onSignedIn: () => void; help?: string | null | undefined }) {
  const signIn = useSignInWithKey();
  const [apiKey, setApiKey] = useState('');
  const [emptyTried, setEmptyTried] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  const error = emptyTried ? 'Enter your Close API key.' : signIn.isError ? signInErrorMessage(signIn.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const key = apiKey.trim();
    setEmptyTried(key === '');
    if (key === '') {
      signIn.reset();
      return;
    }
    signIn.mutate(key, { onSuccess: onSignedIn });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${fieldId}-title`} className="flex flex-col gap-2">
      <h2 id={`${fieldId}-title`} className="text-base font-semibold text-slate-900 dark:text-slate-50">
        Use an API key
      </h2>
      <label htmlFor={fieldId} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Close API key
      </label>
      <input
        id={fieldId}
        name="api_key"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        className={INPUT}
      />
      <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
        {help ?? (
          <>
            In Close, open <strong className="font-medium">Settings → Developer → API Keys</strong>, create a key and
            paste it here. It stays on Triage's server; this page never shows it again.
          </>
        )}
      </p>
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={signIn.isPending}
        className="mt-1 inline-flex h-10 items-center justify-center rounded-md bg-sky-700 px-4 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:opacity-70"
      >
        {signIn.isPending ? 'Signing in…' : 'Sign in with API key'}
      </button>
    </form>
  );
}
