/**
 * The proxy's copies of GET answers that came with an ETag. A copy is never served on its own
 * authority: it is revalidated upstream with `If-None-Match` by a request sent after the
 * browser's arrived (its own, or one it shares: revalidation-lines.ts), and only a 304 — the
 * upstream saying "still exactly this" — lets the proxy answer from the copy. So the browser sees
 * what a direct call would return at that moment, while an unchanged answer (the inbox polled
 * by every open tab) crosses the upstream hop as a head without a body.
 *
 * The one exception: an upstream that says when nothing has changed (upstream-changes.ts) lets
 * a copy it confirmed be answered without asking again until something has.
 *
 * The embedded API sends ETags on task lists; an upstream that sends none (Close, as documented)
 * is simply never copied. Bounded by entries and bytes, least recently used first out.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { CopyConfirmation } from './upstream-changes';

export interface RevalidatedCopy {
  etag: string;
  /**
   * The upstream's last word on this copy, when it offers a way to see that nothing changed
   * since (upstream-changes.ts): until then the copy is answered without asking again.
   */
  confirmed?: CopyConfirmation;
  /**
   * The head the proxy answers with from this copy: the upstream's headers it passes on
   * (content-type, content-encoding, …), its own, and the length; the per-request ones are added
   * to a clone of it.
   */
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface RevalidatedCopiesOptions {
  maxEntries?: number;
  maxBytes?: number;
  /** A larger body is passed through without keeping a copy. */
  maxBodyBytes?: number;
}

export class RevalidatedCopies {
  private readonly copies = new Map<string, RevalidatedCopy>();
  /** The most recently used key: asked for again, it needs no move. */
  private newest: string | undefined;
  private bytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxBodyBytes: number;

  constructor(options: RevalidatedCopiesOptions = {}) {
    this.maxEntries = options.maxEntries ?? 256;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  }

  /**
   * What makes two requests the same answer: the target byte for byte, and every forwarded header
   * the upstream may vary on (the user's day, the representation, the encoding).
   */
  static keyOf(target: string, headers: Record<string, string | string[] | undefined>): string {
    // One template string, not an array joined: this runs for every proxied GET.
    return `${target}\n${headers['x-tz-offset'] ?? ''}\n${headers.accept ?? ''}\n${headers['accept-encoding'] ?? ''}`;
  }

  get(key: string): RevalidatedCopy | undefined {
    const copy = this.copies.get(key);
    if (copy && key !== this.newest) {
      // Map order is the recency order: move the copy to the end. Skipped for the copy already
      // there (the one inbox every tab polls), as a delete and set cost a microsecond per request.
      this.copies.delete(key);
      this.copies.set(key, copy);
      this.newest = key;
    }
    return copy;
  }

  set(key: string, copy: RevalidatedCopy): void {
    this.delete(key);
    if (copy.body.length > this.maxBodyBytes) return;
    this.copies.set(key, copy);
    this.newest = key;
    this.bytes += copy.body.length;
    for (const [oldest, old] of this.copies) {
      if (this.copies.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.copies.delete(oldest);
      if (oldest === this.newest) this.newest = undefined;
      this.bytes -= old.body.length;
    }
  }

  delete(key: string): void {
    const copy = this.copies.get(key);
    if (!copy) return;
    this.copies.delete(key);
    if (key === this.newest) this.newest = undefined;
    this.bytes -= copy.body.length;
  }

  get size(): number {
    return this.copies.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}
