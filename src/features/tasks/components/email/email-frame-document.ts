/**
 * An email's HTML as the document of a sandboxed frame: cleaned by DOMPurify, then wrapped with a
 * Content-Security-Policy of its own. Three layers, each enough alone against scripts: DOMPurify
 * drops scripts, event handlers, `javascript:` URLs, forms, <meta>/<base>/<link>, frames and
 * objects; the frame is `sandbox=""` (no scripts, no forms, no navigation, no popups); its CSP
 * is `default-src 'none'`. What loads: nothing, until the reader asks for remote images, and then
 * images only. CSS is dropped whole (style attributes and <style>): `url()` and `@import` would
 * load remote resources, and the app's own CSP, which a srcdoc document inherits, refuses inline
 * styles anyway.
 */
import DOMPurify from 'dompurify';

/** Attributes that make a browser fetch an image. */
const IMAGE_ATTRIBUTES = ['src', 'background', 'poster'] as const;
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'meta', 'link', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'audio', 'video', 'source', 'track', 'svg', 'math', 'template', 'portal'];
const FORBID_ATTR = ['style', 'action', 'formaction', 'ping', 'srcdoc', 'xlink:href', 'lowsrc', 'dynsrc'];

const isInline = (url: string) => /^\s*(data:image\/|cid:)/i.test(url);

export type EmailFrameDocument = {
  /** The frame's whole document, for `srcdoc`. */
  srcdoc: string;
  /** Remote images held back (0 when shown or when there are none). */
  blockedImages: number;
};

/** The policy of the frame's document: nothing at all, or images from anywhere when asked for. */
export function emailFrameCsp(showImages: boolean): string {
  return `default-src 'none'; img-src data:${showImages ? ' https:' : ''}`;
}

/**
 * Takes inline styles, event-handler attributes and <style>/<script> blocks out of the markup
 * before it is parsed. Not the defence (DOMPurify is): parsing happens in the app's document,
 * whose CSP reports every inline style and handler it meets as a violation on the console, so an
 * ordinary styled email would fill it with errors. What slips past these patterns is still
 * removed by DOMPurify, only with a report.
 */
export function withoutInlineCode(html: string): string {
  return html
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/([\s/"'])(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
}

export function cleanEmailHtml(html: string, showImages: boolean): { html: string; blockedImages: number } {
  return purifyEmailHtml(withoutInlineCode(html), showImages);
}

/** DOMPurify with the email rules: the defence itself, whatever the pre-pass did or missed. */
export function purifyEmailHtml(html: string, showImages: boolean): { html: string; blockedImages: number } {
  let blockedImages = 0;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof Element && node.tagName === 'A') {
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    }
    if (!(node instanceof Element)) return;
    // One image address per element, and only an absolute one: a relative address would resolve
    // against the app's own origin.
    node.removeAttribute('srcset');
    for (const attribute of IMAGE_ATTRIBUTES) {
      const value = node.getAttribute(attribute);
      if (value === null || isInline(value)) continue;
      const remote = /^\s*https?:\/\//i.test(value);
      if (remote && showImages) continue;
      node.removeAttribute(attribute);
      if (remote && node.tagName === 'IMG' && attribute === 'src') {
        blockedImages++;
        if (!node.getAttribute('alt')) node.setAttribute('alt', '[image]');
      }
    }
  });
  try {
    const clean = DOMPurify.sanitize(html, {
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      // Only links and pictures; no other scheme (javascript:, vbscript:, file:, a custom app's).
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|cid:|data:image\/(?:png|gif|jpe?g|webp);)/i,
    });
    return { html: clean, blockedImages };
  } finally {
    DOMPurify.removeHook('afterSanitizeAttributes');
  }
}

export function emailFrameDocument(html: string, showImages: boolean): EmailFrameDocument {
  const { html: clean, blockedImages } = cleanEmailHtml(html, showImages);
  const srcdoc =
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${emailFrameCsp(showImages)}">` +
    '<meta name="referrer" content="no-referrer">' +
    `</head><body>${clean}</body></html>`;
  return { srcdoc, blockedImages };
}
