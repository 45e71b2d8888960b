import { Suspense, lazy, useState } from 'react';
import { FileIcon, ImageIcon } from '@/components/icons';
import { mediaUrl } from '@/lib/media-url';
import type { Attachment } from '@/shared/close/schemas';
import { formatFileSize } from '../../utils/format-file-size';

// The lightbox (and react-aria's modal code with it) loads on the first click: a card list full
// of MMS thumbnails should not pay for it before the first task shows.
const ImageLightbox = lazy(() => import('./image-lightbox'));

/**
 * Thumbnails sit in a fixed box so a card's height is known before any image arrives: the
 * button's `size-14` (a class, since the CSP refuses style attributes in server-rendered markup).
 */
const THUMB_PX = 56;

function isImage(attachment: Attachment): boolean {
  return attachment.content_type.toLowerCase().startsWith('image/');
}

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const thumb = mediaUrl(attachment.thumbnail_url) ?? mediaUrl(attachment.url);
  const large = mediaUrl(attachment.url) ?? thumb;
  const [thumbFailed, setThumbFailed] = useState(false);
  const [open, setOpen] = useState(false);
  if (!thumb || !large) return <FileAttachment attachment={attachment} />;

  return (
    <>
      <button
        type="button"
        aria-label={`Open image ${attachment.filename}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="relative flex shrink-0 items-center justify-center overflow-hidden rounded-md bg-slate-100 ring-1 ring-slate-300 outline-none hover:ring-indigo-400 focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-800 dark:ring-slate-600 size-14"
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
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ImageLightbox attachment={attachment} src={large} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
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
