// ESLint flat config. Not type-aware on purpose (fast on 2 cores; tsc checks types).
// The layer boundaries live here so that reviews don't have to police them:
//   shared code (src/shared, src/lib, src/components) never imports features, app or server;
//   features never import app or server; the server never imports browser code.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'fetch', 'Headers', 'Request', 'Response',
    'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'structuredClone', 'queueMicrotask',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
    'performance', 'globalThis',
  ].map((name) => [name, 'readonly']),
);

// Relative paths are only caught for folder names no layer uses inside itself; `lib`, `app` and
// `components` could be a layer's own subfolder (features/tasks/components), so for those the rule
// relies on cross-layer imports using the `@/` alias, as the project rules require.
const DISTINCT_LAYER_NAMES = new Set(['features', 'server']);

/** One `no-restricted-imports` group per layer a file may not reach. */
function forbid(layers, why) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: layers.map((layer) => ({
          group: [
            `@/${layer}`,
            `@/${layer}/**`,
            `**/src/${layer}/**`,
            ...(DISTINCT_LAYER_NAMES.has(layer) ? [`../**/${layer}`, `../**/${layer}/**`] : []),
          ],
          message: `${why} (layer "${layer}" is off limits here).`,
        })),
      },
    ],
  };
}

export default defineConfig([
  globalIgnores([
    'dist/',
    'node_modules/',
    'src/app/routeTree.gen.ts',
    'test-results/',
    'playwright-report/',
    'data/',
    'coverage/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Playwright fixtures must destructure their first argument, even when they use none: `async ({}, use)`.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      // Input sanitizers match control characters on purpose (`/[\u0000-\u001f]/`).
      'no-control-regex': 'off',
    },
  },

  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },

  {
    files: ['src/{app,features,components,lib}/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  {
    files: ['src/shared/**', 'src/lib/**', 'src/components/**'],
    rules: forbid(['features', 'app', 'server'], 'Shared code must not depend on features, the app shell or the server'),
  },
  {
    files: ['src/features/**'],
    rules: forbid(['app', 'server'], 'A feature must not import the app shell or the server'),
  },
  {
    files: ['src/server/**'],
    rules: forbid(
      ['features', 'app', 'lib', 'components'],
      'The server must not import browser code; share through src/shared',
    ),
  },
]);
