/**
 * After the session changes hands (sign-in, Switch user, Sign out), the page is loaded anew
 * rather than re-routed: every store and cached answer of the previous person starts over, the
 * server renders the first view for whoever is signed in now, and index.html's preloaded `/me/`
 * (answered for the previous person, or refused before the sign-in) is not the one the app
 * reads. `href` (a path of this site): where to go; by default, this very page.
 */
export function loadPageAfresh(href?: string): void {
  if (href === undefined) window.location.reload();
  else window.location.replace(href);
}
