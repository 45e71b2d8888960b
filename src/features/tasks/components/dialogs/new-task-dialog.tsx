import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover, TextArea, TextField } from 'react-aria-components';
import type { Lead } from '@/shared/close/schemas';
import { ApiError } from '@/lib/api-client';
import { DatePickerField, TimeFieldInput } from '@/components/ui/date-time-fields';
import { ModalDialog, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/modal';
import { useCreateTask } from '../../api/create-task';
import { meQueryOptions } from '../../api/get-me';
import { userDisplayName, usersQueryOptions } from '../../api/list-users';
import { leadSearchQueryOptions } from '../../api/search-leads';
import { useViewChoice } from '../../hooks/use-current-task-view';
import { tryCustomSnoozeDate, describeSnoozeDate } from '../../utils/snooze-presets';
import { useTaskActions } from '../../hooks/use-task-actions';
import { pendingTaskOf } from '../../utils/pending-task';

const INPUT =
  'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm outline-none focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-950';
const LABEL = 'text-sm font-medium text-slate-700 dark:text-slate-300';

/** A new to-do for a lead: find the lead by name, say what to do, when, and for whom. */
export default function NewTaskDialog({ onClose }: { onClose: () => void }) {
  const { timeZone } = useViewChoice();
  const me = useQuery(meQueryOptions()).data;
  const users = useQuery(usersQueryOptions()).data ?? [];
  const createTask = useCreateTask();
  const { taskCreated } = useTaskActions();
  const assigneeId = useId();

  const [leadQuery, setLeadQuery] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(leadQuery.trim());
  const leads = useQuery({ ...leadSearchQueryOptions(deferredQuery), placeholderData: keepPreviousData });
  const [text, setText] = useState('');
  const [day, setDay] = useState<string | null>(null);
  const [time, setTime] = useState<{ hour: number; minute: number } | null>(null);
  const [assignee, setAssignee] = useState<string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const date = tryCustomSnoozeDate(day, time, timeZone);

  const submit = () => {
    const local: Record<string, string> = {};
    if (!leadId) local.lead_id = 'Choose a lead from the list.';
    if (!text.trim()) local.text = 'Say what needs doing.';
    if (time && !day) local.date = 'A time needs a date.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const body = {
      lead_id: leadId!,
      text: text.trim(),
      ...(date ? { date } : {}),
      ...(assignee || me ? { assigned_to: assignee || me!.id } : {}),
    };
    const leadName = leads.data?.find((l) => l.id === leadId)?.display_name ?? leadQuery;
    const pending = me
      ? pendingTaskOf(body, { me, assignee: users.find((u) => u.id === body.assigned_to) ?? null, leadName, nowMs: Date.now() })
      : undefined;
    createTask.mutate(
      { body, timeZone, pending },
      {
        onSuccess: (saved) => {
          onClose();
          taskCreated(saved, timeZone);
        },
        onError: (error) => setErrors(error instanceof ApiError ? { ...error.fieldErrors, __all__: error.message } : { __all__: String(error) }),
      },
    );
  };

  return (
    <ModalDialog title="New task" isOpen onClose={onClose} width="max-w-lg">
      <form
        className="flex flex-col gap-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ComboBox
          className="flex flex-col gap-1"
          items={leads.data ?? []}
          inputValue={leadQuery}
          onInputChange={(value) => {
            setLeadQuery(value);
            setLeadId(null);
          }}
          selectedKey={leadId}
          onSelectionChange={(key) => {
            const lead = leads.data?.find((l) => l.id === key);
            setLeadId(lead ? lead.id : null);
            if (lead) setLeadQuery(lead.display_name);
          }}
          menuTrigger="input"
          allowsEmptyCollection
          isInvalid={Boolean(errors.lead_id)}
          autoFocus
        >
          <Label className={LABEL}>Lead</Label>
          <Input className={INPUT} placeholder="Search leads by name…" />
          {errors.lead_id ? <p className="text-xs text-red-700 dark:text-red-400">{errors.lead_id}</p> : null}
          <Popover className="w-(--trigger-width) rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            <ListBox<Lead>
              className="max-h-60 overflow-y-auto outline-none"
              renderEmptyState={() => (
                <p className="p-2 text-sm text-slate-600">{leads.isFetching ? 'Searching…' : 'No lead matches.'}</p>
              )}
            >
              {(lead) => (
                <ListBoxItem
                  id={lead.id}
                  textValue={lead.display_name}
                  className="cursor-default rounded px-2 py-1.5 text-sm outline-none data-[focused]:bg-sky-50 dark:data-[focused]:bg-sky-950"
                >
                  {lead.display_name}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>

        <TextField className="flex flex-col gap-1" value={text} onChange={setText} isInvalid={Boolean(errors.text)} maxLength={10_000}>
          <Label className={LABEL}>What needs doing</Label>
          <TextArea rows={3} className={`${INPUT} h-auto py-2`} />
          {errors.text ? <p className="text-xs text-red-700 dark:text-red-400">{errors.text}</p> : null}
        </TextField>

        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <DatePickerField label="Date (optional)" onChange={setDay} />
          <TimeFieldInput label="Time (optional)" onChange={setTime} />
        </div>
        {errors.date ? <p className="text-xs text-red-700 dark:text-red-400">{errors.date}</p> : null}
        {date ? <p className="text-xs text-slate-600 dark:text-slate-400">Due {describeSnoozeDate(date, timeZone)}{time ? '' : ' (all day)'}</p> : null}

        <div className="flex flex-col gap-1">
          <label htmlFor={assigneeId} className={LABEL}>
            Assign to
          </label>
          <select id={assigneeId} className={INPUT} value={assignee || me?.id || ''} onChange={(e) => setAssignee(e.target.value)}>
            {me ? <option value={me.id}>Me ({userDisplayName(me)})</option> : null}
            {users
              .filter((u) => u.id !== me?.id)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {userDisplayName(u)}
                </option>
              ))}
          </select>
          {errors.assigned_to ? <p className="text-xs text-red-700 dark:text-red-400">{errors.assigned_to}</p> : null}
        </div>

        {errors.__all__ ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.__all__}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON} disabled={createTask.isPending}>
            {createTask.isPending ? 'Creating…' : 'Create task'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
