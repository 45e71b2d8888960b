/**
 * Whose data a first view is rendered with. The renderer reads through our own proxy, from an
 * API origin it is handed, and that origin is a global of the renderer's bundle
 * (`setDefaultApiOrigin`): concurrent renders share it. So renders run concurrently only as one
 * and the same credential; a page for another person meanwhile goes out without a first view
 * (the browser renders it, as it does past the render deadline).
 *
 * A session's renders read through `/__first-view/<token>/api/v1/…` (app.ts routes it to the
 * proxy, from this machine only) with a random token that stands for that credential while its
 * renders run and is forgotten after; the browser never sees it. The server's default credential
 * needs no token: the renderer's requests carry no cookie, which is the default.
 */
import crypto from 'node:crypto';
import type { UpstreamCredential } from './auth/upstream-credential';

export const FIRST_VIEW_PREFIX = '/__first-view/';

export interface FirstViewGrant {
  apiOrigin: string;
  /** Called once when the render has ended (not when its page went out). */
  release(): void;
}

export class FirstViewGate {
  private active: { reader: string; token: string | null; renders: number } | null = null;
  private readonly byToken = new Map<string, UpstreamCredential>();

  /** An API origin to render as `credential` with, or null while renders as someone else run. */
  acquire(ownOrigin: string, credential: UpstreamCredential): FirstViewGrant | null {
    // A session, or the server's default (all requests without a cookie read as the same one).
    const reader = credential.sessionId ?? 'default';
    if (this.active && this.active.reader !== reader) return null;
    if (!this.active) {
      const token = credential.sessionId === null ? null : crypto.randomBytes(24).toString('base64url');
      if (token) this.byToken.set(token, credential);
      this.active = { reader, token, renders: 0 };
    }
    const active = this.active;
    active.renders++;
    let released = false;
    return {
      apiOrigin: active.token ? `${ownOrigin}${FIRST_VIEW_PREFIX}${active.token}` : ownOrigin,
      release: () => {
        if (released) return;
        released = true;
        if (--active.renders > 0) return;
        if (active.token) this.byToken.delete(active.token);
        if (this.active === active) this.active = null;
      },
    };
  }

  /** The credential a render token stands for while its renders run. */
  credentialFor(token: string): UpstreamCredential | undefined {
    return this.byToken.get(token);
  }
}

const gates = new WeakMap<object, FirstViewGate>();

/** The gate of one renderer (one bundle, one global origin): the page streamer and the warm-up share it. */
export function firstViewGateOf(renderer: object): FirstViewGate {
  let gate = gates.get(renderer);
  if (!gate) {
    gate = new FirstViewGate();
    gates.set(renderer, gate);
  }
  return gate;
}
