/**
 * Where a person goes after signing in: back to the page they were on. Only a path of this site
 * (one leading `/`, not `//host` nor `/\host`, which browsers treat as another host, and no
 * control characters) is taken; anything else is the inbox, so a crafted sign-in link cannot
 * send someone to another site.
 */
export const DEFAULT_RETURN_TO = '/inbox';

/** Paths the sign-in flow itself owns: returning to them would loop. */
const SIGN_IN_PATH = '/sign-in';

export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2_000) return DEFAULT_RETURN_TO;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_RETURN_TO;
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_TO;
  const path = value.split(/[?#]/, 1)[0]!;
  if (path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}/`)) return DEFAULT_RETURN_TO;
  return value;
}

/** The sign-in page's URL for a person who was on `returnTo`. */
export function signInHref(returnTo: string): string {
  return `${SIGN_IN_PATH}?return_to=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

/** The backend's OAuth, started by our server at `start` (from /auth/config), which brings the person back to `returnTo`. */
export function oauthSignInHref(returnTo: string, start = '/auth/oauth/start'): string {
  return `${start}?return_to=${encodeURIComponent(safeReturnTo(returnTo))}`;
}
