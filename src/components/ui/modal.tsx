/**
 * A modal dialog on react-aria-components: focus moves in and is trapped, Escape and a click
 * outside close it, focus returns to what opened it, the page behind is inert to assistive
 * technology. Only lazily loaded dialogs import this, so react-aria stays out of the first load.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export function ModalDialog({
  title,
  isOpen,
  onClose,
  children,
  width = 'max-w-md',
  onKeyDown,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
  width?: string;
  /** Keys of the dialog's own (the app's shortcuts are silent while a dialog is open). */
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
}) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-950/40 p-3 pt-[10vh] backdrop-blur-[1px] dark:bg-black/60"
    >
      <Modal className={`w-full ${width} rounded-xl bg-white shadow-2xl outline-none dark:bg-slate-900 dark:ring-1 dark:ring-slate-700`}>
        {/* Keydown from the dialog or anything in it bubbles through here (RAC's Dialog takes no key handlers). */}
        <div onKeyDown={onKeyDown} className="contents">
          <Dialog className="flex flex-col gap-4 p-5 outline-none">
            <Heading slot="title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
              {title}
            </Heading>
            {children}
          </Dialog>
        </div>
      </Modal>
    </ModalOverlay>
  );
}

export const PRIMARY_BUTTON =
  'rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
export const SECONDARY_BUTTON =
  'rounded-md px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:text-slate-200 dark:hover:bg-slate-800';
