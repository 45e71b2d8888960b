/**
 * How the proxy can know, without asking, that an upstream's answers have not changed: the
 * embedded API offers its database's data version (embedded/embedded-data-version.ts); Close
 * offers nothing, and sends no ETags, so the proxy keeps no copies of its answers anyway.
 *
 * A copy the upstream confirmed (a 304, or the 200 it was made from) at data version v is still
 * the upstream's answer while the version reads v and the time has not reached the next moment
 * its answers change by the clock alone (the day turning over in the caller's zone): nothing they
 * are made of has been written since, by anyone. The proxy then answers from the copy without the
 * round trip. Both are taken before the confirming request is sent, so a write that lands while
 * it is in flight counts as a change. See docs/decisions/0009.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface UpstreamChanges {
  /** Differs from any earlier reading once anything the upstream answers from has changed. Cheap: read per request. */
  version(): number;
  /**
   * Until when (ms since the epoch) the answer to a request sent at `sentAt` with these headers
   * stays the same while the version stands still.
   */
  holdsUntil(sentAt: number, headers: IncomingHttpHeaders): number;
}

/** The upstream's last word on a copy: at which version, and until when it holds. */
export interface CopyConfirmation {
  version: number;
  until: number;
}

export function confirmationFor(changes: UpstreamChanges, headers: IncomingHttpHeaders): CopyConfirmation {
  const sentAt = Date.now();
  return { version: changes.version(), until: changes.holdsUntil(sentAt, headers) };
}

export function stillConfirmed(changes: UpstreamChanges | undefined, confirmed: CopyConfirmation | undefined): boolean {
  return changes !== undefined && confirmed !== undefined && Date.now() < confirmed.until && changes.version() === confirmed.version;
}
