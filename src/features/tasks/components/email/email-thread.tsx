import { useQueries } from '@tanstack/react-query';
import type { Task } from '@/shared/close/schemas';
import { emailQueryOptions } from '../../api/get-email';
import { EmailMessage } from './email-message';

/** The emails an incoming_email task is about, whole, oldest first. */
export function EmailThread({ task, timeZone }: { task: Task; timeZone: string }) {
  const ids = task.emails ?? [];
  const emails = useQueries({ queries: ids.map((id) => emailQueryOptions(id)) });
  if (ids.length === 0) return null;
  return (
    <section aria-label="Emails" className="flex flex-col gap-3">
      {emails.map((query, i) => {
        if (query.data) return <EmailMessage key={ids[i]} email={query.data} timeZone={timeZone} />;
        if (query.isError) {
          return (
            <p key={ids[i]} role="alert" className="flex items-center gap-2 text-sm text-red-700 dark:text-red-400">
              Couldn’t load this email.
              <button type="button" onClick={() => void query.refetch()} className="underline focus-visible:outline-2 focus-visible:outline-sky-700">
                Try again
              </button>
            </p>
          );
        }
        return (
          <p key={ids[i]} role="status" className="text-sm text-slate-600 dark:text-slate-400">
            Loading the email…
          </p>
        );
      })}
    </section>
  );
}
