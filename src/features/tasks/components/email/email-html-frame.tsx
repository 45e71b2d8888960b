import { useMemo, useState } from 'react';
import { emailFrameDocument } from './email-frame-document';

/**
 * An HTML email in a frame that can do nothing: `sandbox=""` (no scripts, forms, navigation or
 * popups, an opaque origin), the cleaned HTML as its document, a CSP that loads nothing. Remote
 * images (tracking pixels among them) stay out until the reader asks for them.
 */
export function EmailHtmlFrame({ html, label }: { html: string; label: string }) {
  const [showImages, setShowImages] = useState(false);
  const frame = useMemo(() => emailFrameDocument(html, showImages), [html, showImages]);
  return (
    <div className="flex flex-col gap-2">
      {frame.blockedImages > 0 && (
        <p className="flex flex-wrap items-center gap-2 rounded-md bg-slate-100 px-3 py-1.5 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          <span>
            {frame.blockedImages === 1 ? '1 remote image is' : `${frame.blockedImages} remote images are`} hidden, so the sender can’t tell
            you opened this.
          </span>
          <button
            type="button"
            onClick={() => setShowImages(true)}
            className="rounded px-2 py-0.5 font-medium text-sky-800 underline hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-700 dark:text-sky-300 dark:hover:bg-slate-700"
          >
            Show images
          </button>
        </p>
      )}
      <iframe
        sandbox=""
        srcDoc={frame.srcdoc}
        title={label}
        referrerPolicy="no-referrer"
        data-images={showImages ? 'shown' : 'blocked'}
        className="h-80 w-full resize-y rounded-md border border-slate-200 bg-white dark:border-slate-700"
      />
    </div>
  );
}
