import type { Config } from 'tailwindcss';

// Read by src/app/styles.css through `@config`; Tailwind 4 needs nothing more than the theme here.
export default {
  darkMode: ['variant', '&:where(.dark, .dark *)'],
  theme: {
    extend: {
      fontFamily: {
        sans: ['Inter', 'ui-sans-serif', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
      },
    },
  },
} satisfies Config;
