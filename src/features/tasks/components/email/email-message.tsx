import type { EmailActivity } from '@/shared/close/activity-schemas';
import { MmsAttachments } from '../cards/mms-attachments';
import { formatDateTimeLabel } from '@/shared/close/zones';
import { EmailHtmlFrame } from './email-html-frame';

function HeaderLine({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <div className="flex min-w-0 gap-2">
      <dt className="w-12 shrink-0 text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
}

/** One whole email: who wrote to whom and when, its body (HTML in a sandboxed frame, else text), its files. */
export function EmailMessage({ email, timeZone }: { email: EmailActivity; timeZone: string }) {
  const sentMs = Date.parse(email.date_sent ?? email.date_created);
  const html = email.body_html?.trim();
  const subject = email.subject || '(no subject)';
  return (
    <article aria-label={`Email from ${email.sender ?? 'unknown sender'}`} className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <dl className="flex flex-col gap-0.5 text-sm text-slate-800 dark:text-slate-200">
        <HeaderLine label="From" value={email.sender} />
        <HeaderLine label="To" value={email.to.join(', ')} />
        <HeaderLine label="Cc" value={email.cc?.join(', ')} />
        <HeaderLine label="Date" value={Number.isFinite(sentMs) ? formatDateTimeLabel(sentMs, timeZone, true) : null} />
        <HeaderLine label="Subject" value={subject} />
      </dl>
      {html ? (
        <EmailHtmlFrame html={html} label={`Email: ${subject}`} />
      ) : (
        <div className="max-h-96 overflow-y-auto whitespace-pre-wrap break-words text-sm text-slate-900 dark:text-slate-100">{email.body_text}</div>
      )}
      {email.attachments && email.attachments.length > 0 && <MmsAttachments attachments={email.attachments} />}
    </article>
  );
}
