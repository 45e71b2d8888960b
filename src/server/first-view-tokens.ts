/**
 * Whose data a first view is rendered with. The renderer reads through our own proxy, from the
 * API origin it is handed for that render (src/app/render-api-origin.ts keeps each render's own,
 * so renders for different people run side by side).
 *
 * A session's render reads through `/__first-view/<token>/api/v1/…` (app.ts routes it to the
 * proxy, from this machine only) with a random token that stands for that credential while the
 * render runs and is forgotten after; the browser never sees it. The server's default credential
 * needs no token: the renderer's requests carry no cookie, which is the default.
 */
import crypto from 'node:crypto';
import type { UpstreamCredential } from './auth/upstream-credential';

export const FIRST_VIEW_PREFIX = '/__first-view/';

export interface FirstViewGrant {
  apiOrigin: string;
  /** Called once the render has ended (not when its page went out); the token stops working. */
  release(): void;
}

export class FirstViewTokens {
  private readonly byToken = new Map<string, UpstreamCredential>();

  /** An API origin that reads as `credential` until released. */
  grant(ownOrigin: string, credential: UpstreamCredential): FirstViewGrant {
    if (credential.sessionId === null) return { apiOrigin: ownOrigin, release: () => {} };
    const token = crypto.randomBytes(24).toString('base64url');
    this.byToken.set(token, credential);
    return { apiOrigin: `${ownOrigin}${FIRST_VIEW_PREFIX}${token}`, release: () => this.byToken.delete(token) };
  }

  /** The credential a render token stands for while its render runs. */
  credentialFor(token: string): UpstreamCredential | undefined {
    return this.byToken.get(token);
  }
}

const tokensByRenderer = new WeakMap<object, FirstViewTokens>();

/** The tokens of one renderer: the page streamer grants them, the app's `/__first-view/` route reads them. */
export function firstViewTokensOf(renderer: object): FirstViewTokens {
  let tokens = tokensByRenderer.get(renderer);
  if (!tokens) {
    tokens = new FirstViewTokens();
    tokensByRenderer.set(renderer, tokens);
  }
  return tokens;
}
