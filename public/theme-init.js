/* global window, document */
// Runs before the first paint (inline in <head>, written in by the build and allowed by its hash
// in the CSP), so a dark system or a stored "dark" never flashes a white page. src/lib/theme.ts owns the rule
// afterwards; keep the two in sync (storage key "triage-theme": "light" | "dark" | absent).
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem('triage-theme');
  } catch (_error) {
    // Storage switched off: follow the system.
  }
  var dark = stored === 'dark' || (stored !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var root = document.documentElement;
  if (dark) root.classList.add('dark');
  root.style.colorScheme = dark ? 'dark' : 'light';
})();
