// ESLint flat config. Not type-aware on purpose (fast on 2 cores; tsc checks types).
// The layer boundaries live here so that reviews don't have to police them. They are path-based
// (import-x resolves every import, relative or `@/`, to its file before the zones are checked):
//   app → features → components / lib → shared; a feature never imports another feature;
//   browser code (app, features, components, lib) and the server meet only in src/shared;
//   inside a feature: components → hooks → stores / api / outbox → utils;
//   and no import cycles.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
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

const ROOT = import.meta.dirname;
const BROWSER = ['src/app', 'src/features', 'src/components', 'src/lib'];
const FEATURES = fs
  .readdirSync(path.join(ROOT, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** A feature's folders, as a glob over every feature (one feature never imports another anyway). */
const inFeature = (...folders) => `src/features/*/${folders.length > 1 ? `{${folders.join(',')}}` : folders[0]}/**`;
const TESTS = ['**/*.test.{ts,tsx}'];

/**
 * The zones: `target` may not import `from`. The app's server-side renderer
 * (src/app/entry-server.tsx) and the server (src/server/first-view.ts) need no exception: the
 * server loads the renderer's build output by file path at run time, and both sides share its
 * signature through src/shared/first-view.ts. Tests in browser code may start the real server
 * through its test helpers (the `testing` folders under src/server), never import the server's code.
 */
function layerZones({ serverTestHelpers }) {
  return [
    {
      target: 'src/shared',
      from: [...BROWSER, 'src/server'],
      message: 'src/shared is the contract both sides build on: it imports nothing from the app, features, components, lib or the server.',
    },
    {
      target: ['src/components', 'src/lib'],
      from: ['src/features', 'src/app'],
      message: 'Shared browser code never depends on a feature or the app shell.',
    },
    { target: 'src/features', from: 'src/app', message: 'A feature never imports the app shell.' },
    ...FEATURES.map((feature) => ({
      target: `src/features/${feature}`,
      from: 'src/features',
      except: [`./${feature}`],
      message: 'A feature never imports another feature: share through src/components, src/lib or src/shared.',
    })),
    serverTestHelpers
      ? {
          target: BROWSER,
          from: 'src/server/**',
          except: ['**/src/server/**/testing/**'],
          message: 'Browser tests reach the server only through its test helpers (src/server/**/testing/).',
        }
      : { target: BROWSER, from: 'src/server', message: 'Browser code never imports the server: share through src/shared.' },
    {
      target: 'src/server',
      from: BROWSER,
      message: 'The server never imports browser code: share through src/shared.',
    },
    {
      target: inFeature('utils'),
      from: inFeature('api', 'hooks', 'stores', 'outbox', 'components'),
      message: "A feature's utils are plain logic: they import no api, hooks, stores, outbox or components.",
    },
    {
      target: inFeature('api', 'stores', 'outbox'),
      from: inFeature('hooks', 'components'),
      message: "A feature's api, stores and outbox never import its hooks or components.",
    },
    {
      target: inFeature('hooks'),
      from: inFeature('components'),
      message: "A feature's hooks never import its components.",
    },
  ];
}

/** What the two inline scripts of a rendered page may use (src/server/first-view-scripts/). */
const BROWSER_SCRIPT_GLOBALS = Object.fromEntries(
  ['window', 'document', 'addEventListener', 'removeEventListener', 'PerformanceObserver', 'setTimeout'].map((name) => [
    name,
    'readonly',
  ]),
);

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
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // How import-x reads the files it follows (no-cycle parses every module on a path).
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: layerZones({ serverTestHelpers: false }) }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: TESTS.map((glob) => `src/${glob}`),
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: layerZones({ serverTestHelpers: true }) }],
    },
  },

  {
    // Classic scripts the server inlines into a rendered page: browser globals, no modules, and
    // each file's one function is called by the line the server adds after it.
    files: ['src/server/first-view-scripts/*.js'],
    languageOptions: { sourceType: 'script', globals: BROWSER_SCRIPT_GLOBALS },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { vars: 'local' }] },
  },
]);
