/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

const devApi = process.env.TRIAGE_DEV_API ?? 'http://127.0.0.1:3000';

/**
 * The route that `/` opens: its component chunk and every chunk it imports statically. They are
 * lazy (not initial JS), yet the first task cannot render without them, and the router only asks
 * for them once the entry has run. Preloading them from index.html fetches them alongside the
 * entry instead of after it (docs/decisions/0008-cold-load.md). `rel=preload as=script` only
 * fetches: nothing is parsed or run before the router imports the chunk, and the initial JS (the
 * entry and its `modulepreload`ed static imports) stays what it was.
 */
const FIRST_VIEW_ROUTE = /\/src\/app\/routes\/inbox\.tsx\?tsr-split=component$/;

function preloadFirstView(): Plugin {
  let base = '/';
  return {
    name: 'triage:preload-first-view',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (roots: string[]) => {
          const seen = new Set<string>();
          const stack = [...roots];
          while (stack.length > 0) {
            const file = stack.pop()!;
            if (seen.has(file)) continue;
            seen.add(file);
            stack.push(...(byFile.get(file)?.imports ?? []));
          }
          return seen;
        };
        const initial = closure(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const route = chunks.find((c) => c.facadeModuleId && FIRST_VIEW_ROUTE.test(c.facadeModuleId));
        if (!route) throw new Error('preload-first-view: no chunk for the inbox route component; was the route renamed?');
        return [...closure([route.fileName])]
          .filter((file) => !initial.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'script', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * public/theme-init.js, which sets the light/dark class before the first paint, goes into the
 * built index.html inline: as a file it blocked the parser for a request, and the first view the
 * server renders into the page waited behind it. The server allows exactly this script by its
 * hash in the page's CSP (src/server/security-headers.ts); the dev server serves the file.
 */
function inlineThemeInit(): Plugin {
  const TAG = '<script src="/theme-init.js"></script>';
  let publicDir = 'public';
  return {
    name: 'triage:inline-theme-init',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    transformIndexHtml(html) {
      if (!html.includes(TAG)) throw new Error('inline-theme-init: index.html no longer loads /theme-init.js');
      const code = readFileSync(join(publicDir, 'theme-init.js'), 'utf8').replace(/^\/\* global[^*]*\*\/\n/, '');
      return html.replace(TAG, `<script>${code.trim()}</script>`);
    },
  };
}

/**
 * A gzip copy of every hashed script and stylesheet (`x.js.gz` beside `x.js`), which the server
 * sends to browsers that accept gzip (src/server/app.ts): compressed once here at the highest
 * level, never per request. Sizes the bundle check reads stay those of the plain files.
 */
function precompressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'triage:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/^assets\/.*\.(?:js|css)$/.test(file.fileName)) continue;
        const data = file.type === 'chunk' ? file.code : file.source;
        writeFileSync(join(outDir, `${file.fileName}.gz`), gzipSync(data, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [
    tanstackRouter({
      target: 'react',
      routesDirectory: './src/app/routes',
      generatedRouteTree: './src/app/routeTree.gen.ts',
      autoCodeSplitting: true,
    }),
    react(),
    tailwindcss(),
    ...(isSsrBuild ? [] : [inlineThemeInit(), preloadFirstView(), precompressAssets()]),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: devApi, changeOrigin: true }, '/auth': { target: devApi, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    copyPublicDir: !isSsrBuild,
    // The framework the first view needs (React, the router, the query cache, zod, zustand) in one
    // chunk rather than a dozen slivers shared with lazy routes: fewer requests, and one gzip
    // dictionary instead of a dozen (ADR 0008).
    rolldownOptions: isSsrBuild
      ? {}
      : {
          output: {
            codeSplitting: {
              groups: [
                { name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|@tanstack[\\/](react-router|router-core|history|react-store|store|react-query|query-core)|zod|zustand)[\\/]/ },
              ],
            },
          },
        },
  },
  // The first-view renderer (`vite build --ssr`, scripts/build-app.mjs) carries its packages
  // inside it, so a build copied anywhere (the bench's) runs without this node_modules.
  // React's production build there too (a browser build gets it from Vite anyway).
  ...(isSsrBuild ? { ssr: { noExternal: true, target: 'node' as const }, define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/testing/fail-on-console-error.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
}));
