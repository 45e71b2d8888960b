import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { MAX_SMS_SEGMENTS, smsSegments } from '@/shared/close/sms-segments';
import type { Task } from '@/shared/close/schemas';
import { PhoneIcon } from '@/components/icons';
import { meQueryOptions } from '../../api/get-me';
import { leadQueryOptions } from '../../api/get-lead';
import { smsThreadQueryOptions } from '../../api/list-sms-thread';
import { smsTemplatesQueryOptions } from '../../api/list-templates';
import { useTaskActions } from '../../hooks/use-task-actions';
import { scheduleSend } from '../../stores/pending-sends';
import { keptDraftOf } from '../../stores/pending-sends-store';
import { formatPhone, phoneHref } from '../../utils/format-phone';
import { type ReplyTarget, renderTemplate } from '../../utils/reply-target';
import { SmsThread } from './sms-thread';
import { KeptDraftNotice } from './send-status';
import { CompleteCheckbox, FIELD_CLASS, LABEL_CLASS, ReplyButtons, TemplatePicker, insertAtCursor, sendOnModEnter } from './reply-fields';

type SmsTarget = Extract<ReplyTarget, { kind: 'sms' }>;

/** Why this number cannot be texted from here, or null when it can. */
function blockerOf(target: SmsTarget, leadPhones: ReadonlySet<string> | null): string | null {
  if (!target.leadId) return 'This number isn’t on a lead in Close, so it can’t be texted from here. Call back instead.';
  if (!target.localPhone) return 'There is no line of yours to text from on this task. Call back instead.';
  if (leadPhones && !leadPhones.has(target.remotePhone)) {
    return 'This number isn’t one of the lead’s contacts’ numbers, so it can’t be texted from here. Call back instead.';
  }
  return null;
}

export function SmsReplyForm({ task, target, onDone }: { task: Task; target: SmsTarget; onDone: () => void }) {
  const queryClient = useQueryClient();
  const actions = useTaskActions();
  const me = useQuery(meQueryOptions());
  const templates = useQuery(smsTemplatesQueryOptions());
  const lead = useQuery({ ...leadQueryOptions(target.leadId ?? ''), enabled: target.leadId !== null });
  // Words that did not go out (refused, discarded, undone) come back here to be fixed and sent.
  const [kept] = useState(() => keptDraftOf(task.id));
  const [text, setText] = useState(() => (kept?.message.kind === 'sms' ? kept.message.draft.text : ''));
  const [complete, setComplete] = useState(true);
  const [attempted, setAttempted] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = { text: useId(), count: useId(), error: useId() };

  const leadPhones = lead.data ? new Set((lead.data.contacts ?? []).flatMap((c) => (c.phones ?? []).map((p) => p.phone))) : null;
  const blocker = blockerOf(target, leadPhones);
  const { segments, encoding, units } = smsSegments(text);
  const tooLong = segments > MAX_SMS_SEGMENTS;
  const empty = text.trim() === '';
  const error = tooLong
    ? `Too long: ${segments} segments. An SMS can take at most ${MAX_SMS_SEGMENTS}; shorten it or send it as an email.`
    : attempted && empty
      ? 'Write a message first.'
      : null;
  const number = formatPhone(target.remotePhone, target.remoteFormatted) ?? target.remotePhone;
  const to = target.contactName ? `${target.contactName} (${number})` : number;
  const callHref = phoneHref(target.remotePhone);

  const insertTemplate = (id: string) => {
    const template = templates.data?.data.find((t) => t.id === id);
    if (!template) return;
    const rendered = renderTemplate(template.text, { contactFirstName: target.contactName?.split(' ')[0] ?? null, userFirstName: me.data?.first_name ?? null });
    const { value, cursor } = insertAtCursor(area.current, text, rendered);
    setText(value);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(cursor, cursor);
    });
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (blocker || empty || tooLong || !target.leadId || !target.localPhone) return;
    const leadId = target.leadId;
    scheduleSend({
      message: { kind: 'sms', draft: { lead_id: leadId, contact_id: target.contactId, local_phone: target.localPhone, remote_phone: target.remotePhone, text } },
      label: `SMS to ${target.contactName ?? number}`,
      task,
      completeTask: complete,
      onSent: () => {
        void queryClient.invalidateQueries({ queryKey: smsThreadQueryOptions(leadId).queryKey });
        if (complete && !task.is_complete) actions.complete(task);
      },
    });
    onDone();
  };

  return (
    <form className="flex flex-col gap-3" onSubmit={submit} onKeyDown={sendOnModEnter} noValidate>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-800 dark:text-slate-200">
        <dt className="text-slate-600 dark:text-slate-400">To</dt>
        <dd>{to}</dd>
        <dt className="text-slate-600 dark:text-slate-400">From</dt>
        <dd>{formatPhone(target.localPhone) ?? 'none'} (your line)</dd>
      </dl>
      {callHref && (
        <a href={callHref} className="inline-flex w-fit items-center gap-1.5 text-sm font-medium text-sky-800 underline hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-sky-700 dark:text-sky-300">
          <PhoneIcon className="size-4" />
          Call back {number}
        </a>
      )}
      {target.leadId && <SmsThread leadId={target.leadId} />}
      {kept && <KeptDraftNotice reason={kept.reason} />}
      {blocker ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {blocker}
        </p>
      ) : (
        <>
          <TemplatePicker templates={templates.data?.data} onInsert={insertTemplate} />
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.text} className={LABEL_CLASS}>
              Message
            </label>
            <textarea
              id={ids.text}
              ref={area}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={`${ids.count}${error ? ` ${ids.error}` : ''}`}
              className={FIELD_CLASS}
            />
            <p id={ids.count} className={`text-xs ${tooLong ? 'font-semibold text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}>
              {units} {encoding === 'GSM-7' ? 'characters' : 'characters (Unicode)'} · {segments} of {MAX_SMS_SEGMENTS} segments
            </p>
            {error && (
              <p id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
          </div>
          <CompleteCheckbox checked={complete} onChange={setComplete} />
        </>
      )}
      <ReplyButtons onCancel={onDone} canSend={!blocker && !tooLong} />
    </form>
  );
}
