import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { AlertIcon, CloseIcon, ExternalLinkIcon } from '@/components/icons';
import type { Attachment } from '@/shared/close/schemas';
import { formatFileSize } from '../../utils/format-file-size';
import { LINK_CLASS } from './lead-link';

/** An MMS image, large, in a modal dialog named by its file name; focus returns to the thumbnail. */
export default function ImageLightbox({ attachment, src, onClose }: { attachment: Attachment; src: string; onClose: () => void }) {
  const [largeFailed, setLargeFailed] = useState(false);
  return (
    <ModalOverlay
      isOpen
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose();
      }}
      isDismissable
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/75 p-4 backdrop-blur-sm"
    >
      <Modal className="flex max-h-full w-full max-w-3xl flex-col overflow-hidden rounded-lg bg-white shadow-xl ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <Dialog className="flex min-h-0 flex-col outline-none">
          {({ close }) => (
            <>
              <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
                <Heading slot="title" className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 dark:text-slate-100">
                  {attachment.filename}
                </Heading>
                <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{formatFileSize(attachment.size)}</span>
                <a href={src} target="_blank" rel="noopener noreferrer" className={`inline-flex shrink-0 items-center gap-1 text-xs ${LINK_CLASS}`}>
                  Open original
                  <ExternalLinkIcon className="size-3" />
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
                <Button
                  aria-label="Close"
                  onPress={close}
                  className="inline-flex size-7 shrink-0 items-center justify-center rounded text-slate-600 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800"
                >
                  <CloseIcon className="size-4" />
                </Button>
              </div>
              <div className="flex min-h-0 items-center justify-center bg-slate-100 p-2 dark:bg-slate-950">
                {largeFailed ? (
                  <p role="alert" className="flex items-center gap-1.5 p-6 text-sm font-medium text-red-700 dark:text-red-400">
                    <AlertIcon className="size-4 shrink-0" />
                    Couldn't load the image.
                  </p>
                ) : (
                  <img
                    src={src}
                    alt={attachment.filename}
                    onError={() => setLargeFailed(true)}
                    className="max-h-[75vh] max-w-full object-contain"
                  />
                )}
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
