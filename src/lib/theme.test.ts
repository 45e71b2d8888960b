// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THEME_STORAGE_KEY, applyTheme, readThemePreference, resolveTheme, startThemeSync, themeChosen } from './theme';

let systemDark = false;
const changeListeners = new Set<() => void>();

beforeEach(() => {
  systemDark = false;
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query.includes('dark') && systemDark;
    },
    addEventListener: (_type: string, listener: () => void) => changeListeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => changeListeners.delete(listener),
  }));
});

afterEach(() => {
  localStorage.clear();
  changeListeners.clear();
  document.documentElement.className = '';
  vi.unstubAllGlobals();
});

const isDark = () => document.documentElement.classList.contains('dark');

describe('the theme', () => {
  it('follows the system unless light or dark was picked', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads only known values from storage', () => {
    expect(readThemePreference()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(readThemePreference()).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, '<script>');
    expect(readThemePreference()).toBe('system');
  });

  it('sets the class and color-scheme on <html>', () => {
    applyTheme('dark');
    expect(isDark()).toBe(true);
    expect(document.documentElement.style.colorScheme).toBe('dark');
    applyTheme('light');
    expect(isDark()).toBe(false);
    expect(document.documentElement.style.colorScheme).toBe('light');
  });

  it('remembers a pick, and forgets it for "system"', () => {
    const stop = startThemeSync();
    themeChosen('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(isDark()).toBe(true);
    themeChosen('system');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(isDark()).toBe(false);
    stop();
  });

  it('follows the system as it changes, but not over a pick', () => {
    const stop = startThemeSync();
    systemDark = true;
    for (const listener of changeListeners) listener();
    expect(isDark()).toBe(true);
    themeChosen('light');
    for (const listener of changeListeners) listener();
    expect(isDark()).toBe(false);
    stop();
    expect(changeListeners.size).toBe(0);
  });
});
