import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { emailAddressOf } from '@/shared/close/activity-schemas';
import type { Task } from '@/shared/close/schemas';
import { emailQueryOptions } from '../../api/get-email';
import { meQueryOptions } from '../../api/get-me';
import { emailTemplatesQueryOptions } from '../../api/list-templates';
import { useTaskActions } from '../../hooks/use-task-actions';
import { scheduleSend } from '../../stores/pending-sends';
import { keptDraftOf } from '../../stores/pending-sends-store';
import { type ReplyTarget, renderTemplate, replySubject } from '../../utils/reply-target';
import { KeptDraftNotice } from './send-status';
import { CompleteCheckbox, FIELD_CLASS, LABEL_CLASS, ReplyButtons, TemplatePicker, insertAtCursor, sendOnModEnter } from './reply-fields';

type EmailTarget = Extract<ReplyTarget, { kind: 'email' }>;

const splitAddresses = (value: string) => value.split(/[,;]/).map((a) => a.trim()).filter(Boolean);

/** A reply to the task's latest email: to its sender, "Re: " its subject, on its thread. */
export function EmailReplyForm({ task, target, onDone }: { task: Task; target: EmailTarget; onDone: () => void }) {
  const actions = useTaskActions();
  const lastId = target.emailIds[target.emailIds.length - 1]!;
  const original = useQuery(emailQueryOptions(lastId));
  const me = useQuery(meQueryOptions());
  const templates = useQuery(emailTemplatesQueryOptions());
  if (original.isError) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        Couldn’t load the email to reply to.
      </p>
    );
  }
  if (!original.data || !me.data) {
    return (
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Loading the email…
      </p>
    );
  }
  const email = original.data;
  const sender = `"${me.data.first_name} ${me.data.last_name}" <${me.data.email}>`;
  // Words that did not go out (refused, discarded, undone) come back here to be fixed and sent.
  const kept = keptDraftOf(task.id);
  const keptEmail = kept?.message.kind === 'email' ? kept.message.draft : null;
  return (
    <EmailReplyFields
      key={email.id}
      initialTo={keptEmail ? keptEmail.to.join(', ') : email.sender ? (emailAddressOf(email.sender) ?? '') : ''}
      initialSubject={keptEmail ? keptEmail.subject : replySubject(email.subject ?? task.subject)}
      initialBody={keptEmail?.body_text ?? ''}
      keptReason={keptEmail ? (kept?.reason ?? null) : undefined}
      sender={sender}
      templates={templates.data?.data}
      names={{ contactFirstName: target.contactName?.split(' ')[0] ?? null, userFirstName: me.data.first_name }}
      onCancel={onDone}
      onSend={(draft, complete) => {
        if (!target.leadId) return;
        scheduleSend({
          message: { kind: 'email', draft: { ...draft, lead_id: target.leadId, contact_id: target.contactId, sender, in_reply_to_id: email.id } },
          label: `email to ${draft.to.join(', ')}`,
          task,
          completeTask: complete,
          onSent: () => {
            if (complete && !task.is_complete) actions.complete(task);
          },
        });
        onDone();
      }}
    />
  );
}

type Fields = { to: string[]; subject: string; body_text: string };

function EmailReplyFields(props: {
  initialTo: string;
  initialSubject: string;
  initialBody: string;
  /** Present when the words are ones that did not go out: why (Close's reason), or null. */
  keptReason?: string | null | undefined;
  sender: string;
  templates: ReadonlyArray<{ id: string; name: string; subject?: string; body?: string }> | undefined;
  names: Parameters<typeof renderTemplate>[1];
  onCancel: () => void;
  onSend: (fields: Fields, complete: boolean) => void;
}) {
  const [to, setTo] = useState(props.initialTo);
  const [subject, setSubject] = useState(props.initialSubject);
  const [body, setBody] = useState(props.initialBody);
  const [complete, setComplete] = useState(true);
  const [attempted, setAttempted] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = { to: useId(), subject: useId(), body: useId(), toError: useId(), bodyError: useId() };

  const addresses = splitAddresses(to);
  const badAddress = addresses.find((a) => emailAddressOf(a) === null);
  const toError = addresses.length === 0 ? 'Add a recipient.' : badAddress ? `Not an email address: ${badAddress}` : null;
  const bodyError = body.trim() === '' ? 'Write a message first.' : null;

  const insertTemplate = (id: string) => {
    const template = props.templates?.find((t) => t.id === id);
    if (!template?.body) return;
    const { value, cursor } = insertAtCursor(area.current, body, renderTemplate(template.body, props.names));
    setBody(value);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(cursor, cursor);
    });
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (toError || bodyError) return;
    props.onSend({ to: addresses, subject, body_text: body }, complete);
  };

  return (
    <form className="flex flex-col gap-3" onSubmit={submit} onKeyDown={sendOnModEnter} noValidate>
      <p className="text-sm text-slate-700 dark:text-slate-300">From {props.sender}</p>
      {props.keptReason !== undefined && <KeptDraftNotice reason={props.keptReason} />}
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.to} className={LABEL_CLASS}>
          To
        </label>
        <input id={ids.to} value={to} onChange={(e) => setTo(e.target.value)} className={FIELD_CLASS} aria-invalid={attempted && toError ? true : undefined} aria-describedby={attempted && toError ? ids.toError : undefined} />
        {attempted && toError && (
          <p id={ids.toError} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {toError}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.subject} className={LABEL_CLASS}>
          Subject
        </label>
        <input id={ids.subject} value={subject} onChange={(e) => setSubject(e.target.value)} className={FIELD_CLASS} />
      </div>
      <TemplatePicker templates={props.templates} onInsert={insertTemplate} />
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.body} className={LABEL_CLASS}>
          Message
        </label>
        <textarea
          id={ids.body}
          ref={area}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={8}
          autoFocus
          aria-invalid={attempted && bodyError ? true : undefined}
          aria-describedby={attempted && bodyError ? ids.bodyError : undefined}
          className={FIELD_CLASS}
        />
        {attempted && bodyError && (
          <p id={ids.bodyError} role="alert" className="text-sm text-red-700 dark:text-red-400">
            {bodyError}
          </p>
        )}
      </div>
      <CompleteCheckbox checked={complete} onChange={setComplete} />
      <ReplyButtons onCancel={props.onCancel} canSend />
    </form>
  );
}
