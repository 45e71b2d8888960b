import { THEME_PREFERENCES, type ThemePreference, themeChosen, useThemePreference } from '@/lib/theme';

const LABELS: Record<ThemePreference, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };

/** Light, dark, or whatever the system says (the default); remembered on this device. */
export function ThemeSelect({ className = '' }: { className?: string }) {
  const preference = useThemePreference();
  return (
    <select
      aria-label="Theme"
      value={preference}
      onChange={(e) => themeChosen(e.target.value as ThemePreference)}
      className={`h-8 rounded-md border border-slate-300 bg-white px-1.5 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${className}`}
    >
      {THEME_PREFERENCES.map((p) => (
        <option key={p} value={p}>
          {LABELS[p]}
        </option>
      ))}
    </select>
  );
}
