/**
 * Light or dark: follow the system unless the user picked one, remember the pick on this device
 * (a UI preference, not server data), and keep `.dark` on <html> in step with both. The same rule
 * runs before the first paint from `public/theme-init.js` (inline in the built page), so a
 * dark system never flashes white; keep the two in sync.
 */
import { useSyncExternalStore } from 'react';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export const THEME_STORAGE_KEY = 'triage-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off (privacy settings): the system's choice still applies.
    return null;
  }
}

export function readThemePreference(): ThemePreference {
  const stored = storage()?.getItem(THEME_STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): 'light' | 'dark' {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference;
}

export function applyTheme(preference: ThemePreference = readThemePreference(), doc: Document = document): void {
  const theme = resolveTheme(preference, systemPrefersDark());
  doc.documentElement.classList.toggle('dark', theme === 'dark');
  doc.documentElement.style.colorScheme = theme;
}

const listeners = new Set<() => void>();
let current: ThemePreference | null = null;

export function themeChosen(preference: ThemePreference): void {
  const store = storage();
  if (preference === 'system') store?.removeItem(THEME_STORAGE_KEY);
  else store?.setItem(THEME_STORAGE_KEY, preference);
  current = preference;
  applyTheme(preference);
  for (const listener of listeners) listener();
}

/**
 * Applies the preference now and keeps following the system (and other tabs) from here on.
 * Called once, first thing in main.tsx.
 */
export function startThemeSync(): () => void {
  current = readThemePreference();
  applyTheme(current);
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const onSystemChange = () => {
    if (current === 'system') applyTheme('system');
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    current = readThemePreference();
    applyTheme(current);
    for (const listener of listeners) listener();
  };
  media?.addEventListener('change', onSystemChange);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', onSystemChange);
    window.removeEventListener('storage', onStorage);
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, () => current ?? readThemePreference(), () => 'system');
}
