/**
 * "The server wants this person to sign in": raised by the API client when an answer is a 401
 * carrying `sign_in_required: true` (no session, or a session whose Close credential has expired
 * or was revoked), heard by the app, which takes the person to the sign-in page. An event rather
 * than an import keeps the shared client free of the router and of the app.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

/** Calls `listener` each time a request finds that sign-in is required; returns the unsubscribe. */
export function onSignInRequired(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function signInRequired(): void {
  for (const listener of [...listeners]) listener();
}
