import { useQuery } from '@tanstack/react-query';
import { Autocomplete, Input, ListBox, ListBoxItem, SearchField, useFilter } from 'react-aria-components';
import { ModalDialog, SECONDARY_BUTTON } from '@/components/ui/modal';
import { meQueryOptions } from '../../api/get-me';
import { userDisplayName, usersQueryOptions } from '../../api/list-users';
import { useTaskActions } from '../../hooks/use-task-actions';
import type { ActionTarget } from '../../stores/dialog-store';
import { useAllMatchingSelected, useSelectedCount } from '../../stores/selection-store';
import { taskTitle } from '../../utils/task-title';

/** Pick anyone in the organization, searching by name or email; picking reassigns at once. */
export default function ReassignDialog({ target, onClose }: { target: ActionTarget; onClose: () => void }) {
  const users = useQuery(usersQueryOptions());
  const me = useQuery(meQueryOptions()).data;
  const actions = useTaskActions();
  const selectedCount = useSelectedCount();
  const allMatching = useAllMatchingSelected();
  const { contains } = useFilter({ sensitivity: 'base' });
  const current = target.kind === 'task' ? target.task.assigned_to : null;
  const title =
    target.kind === 'task'
      ? `Reassign “${taskTitle(target.task)}”`
      : allMatching
        ? 'Reassign all matching tasks'
        : `Reassign ${selectedCount.toLocaleString('en-US')} selected ${selectedCount === 1 ? 'task' : 'tasks'}`;

  const pick = (userId: string) => {
    const user = users.data?.find((u) => u.id === userId);
    if (!user) return;
    onClose();
    const assignee = { id: user.id, name: userDisplayName(user) };
    if (target.kind === 'task') {
      if (user.id !== target.task.assigned_to) actions.reassign(target.task, assignee);
    } else actions.reassignSelection(assignee);
  };

  return (
    <ModalDialog title={title} isOpen onClose={onClose}>
      <Autocomplete filter={contains}>
        <SearchField aria-label="Search people" autoFocus className="flex flex-col">
          <Input
            placeholder="Search by name or email…"
            className="h-10 rounded-md border border-slate-300 bg-white px-3 text-sm outline-none focus:border-sky-600 focus:ring-2 focus:ring-sky-600/30 dark:border-slate-700 dark:bg-slate-950"
          />
        </SearchField>
        <ListBox
          aria-label="People"
          items={users.data ?? []}
          onAction={(key) => pick(String(key))}
          // No inner scroll: focus stays in the search field (virtual focus), so a scrolling list could
          // not be reached by keyboard; a long list scrolls with the dialog instead.
          className="rounded-md border border-slate-200 p-1 outline-none dark:border-slate-800"
          renderEmptyState={() => (
            <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{users.isPending ? 'Loading people…' : users.isError ? "Couldn't load people." : 'No one matches.'}</p>
          )}
        >
          {(user) => {
            const name = userDisplayName(user);
            return (
              <ListBoxItem
                id={user.id}
                textValue={`${name} ${user.email}`}
                className="flex cursor-default flex-col rounded px-3 py-2 text-sm outline-none data-[focused]:bg-sky-50 data-[hovered]:bg-slate-50 dark:data-[focused]:bg-sky-950 dark:data-[hovered]:bg-slate-800"
              >
                <span className="font-medium text-slate-900 dark:text-slate-100">
                  {name}
                  {user.id === me?.id ? ' (me)' : ''}
                  {user.id === current ? ' · current' : ''}
                </span>
                <span className="text-xs text-slate-600 dark:text-slate-400">{user.email}</span>
              </ListBoxItem>
            );
          }}
        </ListBox>
      </Autocomplete>
      <div className="flex justify-end">
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
