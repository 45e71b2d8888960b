import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { AlertIcon, CloseIcon, ExternalLinkIcon, FileIcon, ImageIcon } from '@/components/icons';
import { mediaUrl } from '@/lib/media-url';
import type { Attachment } from '@/shared/close/schemas';
import { formatFileSize } from '../../utils/format-file-size';
import { LINK_CLASS } from './lead-link';

/** Thumbnails sit in a fixed box so a card's height is known before any image arrives. */
const THUMB_PX = 56;

function isImage(attachment: Attachment): boolean {
  return attachment.content_type.toLowerCase().startsWith('image/');
}

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const thumb = mediaUrl(attachment.thumbnail_url) ?? mediaUrl(attachment.url);
  const large = mediaUrl(attachment.url) ?? thumb;
  const [thumbFailed, setThumbFailed] = useState(false);
  const [largeFailed, setLargeFailed] = useState(false);
  if (!thumb || !large) return <FileAttachment attachment={attachment} />;

  return (
    <DialogTrigger onOpenChange={(open) => open && setLargeFailed(false)}>
      <Button
        aria-label={`Open image ${attachment.filename}`}
        className="relative flex shrink-0 items-center justify-center overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-300 outline-none hover:ring-indigo-400 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-800 dark:ring-slate-600"
        style={{ width: THUMB_PX, height: THUMB_PX }}
      >
        {thumbFailed ? (
          <ImageIcon className="size-5 text-slate-600 dark:text-slate-400" />
        ) : (
          <img
            src={thumb}
            alt={attachment.filename}
            width={THUMB_PX}
            height={THUMB_PX}
            loading="lazy"
            decoding="async"
            onError={() => setThumbFailed(true)}
            className="size-full object-cover"
          />
        )}
      </Button>
      <ModalOverlay
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
                  <a href={large} target="_blank" rel="noopener noreferrer" className={`inline-flex shrink-0 items-center gap-1 text-xs ${LINK_CLASS}`}>
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
                      src={large}
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
    </DialogTrigger>
  );
}

function FileAttachment({ attachment }: { attachment: Attachment }) {
  const href = mediaUrl(attachment.url);
  const size = formatFileSize(attachment.size);
  const content = (
    <>
      <FileIcon className="size-3.5 shrink-0" />
      <span className="max-w-40 truncate">{attachment.filename}</span>
      {size && <span className="shrink-0 text-slate-600 dark:text-slate-400">{size}</span>}
    </>
  );
  const chip =
    'inline-flex h-7 max-w-full items-center gap-1 rounded-full border border-slate-300 bg-slate-50 px-2.5 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200';
  return href ? (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`${chip} outline-none hover:border-indigo-400 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:hover:bg-slate-700`}
    >
      {content}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  ) : (
    <span className={chip}>{content}</span>
  );
}

/** An MMS's media: images as thumbnails that open large in a dialog, other files as chips. */
export function MmsAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="flex min-w-0 flex-wrap items-center gap-2">
      {attachments.map((attachment, i) => (
        <li key={attachment.media_id ?? `${i}-${attachment.filename}`} className="flex min-w-0">
          {isImage(attachment) ? <ImageAttachment attachment={attachment} /> : <FileAttachment attachment={attachment} />}
        </li>
      ))}
    </ul>
  );
}
