import type { ReactNode } from 'react';
import { UserIcon } from '@/components/icons';

/**
 * One line of facts about a task (lead · contact · phone), cut rather than wrapped so a card's
 * height does not depend on how long the names are. The separators are drawn by CSS between the
 * items that actually render, so an item that renders nothing (no contact) leaves no stray dot.
 */
export function InfoRow({ children }: { children: ReactNode }) {
  return (
    <p className="flex min-w-0 items-center gap-x-2 overflow-hidden whitespace-nowrap text-xs text-slate-600 empty:hidden dark:text-slate-400 [&>*+*]:before:mr-1 [&>*+*]:before:inline-block [&>*+*]:before:align-middle [&>*+*]:before:size-[3px] [&>*+*]:before:shrink-0 [&>*+*]:before:rounded-full [&>*+*]:before:bg-slate-400 [&>*+*]:before:content-[''] dark:[&>*+*]:before:bg-slate-500">
      {children}
    </p>
  );
}

/** The contact the task is about; Close sends "" as well as null for none. */
export function ContactName({ name }: { name: string | null | undefined }) {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <UserIcon className="size-3.5 shrink-0" />
      <span className="sr-only">Contact: </span>
      <span className="truncate font-medium text-slate-700 dark:text-slate-300">{trimmed}</span>
    </span>
  );
}

/** Free text from the task (email preview, SMS, note), clamped to two lines. */
export function PreviewText({ text, label }: { text: string | null | undefined; label?: string }) {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return (
    <p className="line-clamp-2 text-sm break-words text-slate-700 dark:text-slate-300" title={trimmed}>
      {label && <span className="font-medium text-slate-600 dark:text-slate-400">{label} </span>}
      {trimmed}
    </p>
  );
}
