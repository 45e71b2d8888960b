// The size check: what a browser must download before the app can start (the entry chunk, the
// chunks it imports statically, and their CSS), raw and gzip, and every lazily loaded chunk.
// Fails when the initial JS exceeds its budget, so a heavy import is caught in CI, not by users.
//
//   node scripts/check-bundle-size.mjs [distDir]     (after `npm run build`; default dist/)
//
// It reads dist/.vite/manifest.json when the build wrote one (`vite build --manifest`; chunks are then
// named by their source file) and otherwise the tags Vite puts in dist/index.html: the entry
// <script type="module">, its <link rel="modulepreload"> static imports and <link rel="stylesheet">.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RENDERER_DIR } from './build-app.mjs';
import { SERVER_DIR } from './build-server.mjs';

/** Initial JS budget in bytes of gzip (kB as Vite prints them: 1 kB = 1,000 bytes). */
export const INITIAL_JS_BUDGET_GZIP = 150_000;

/** @typedef {{ file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk */
/** @typedef {Record<string, ManifestChunk>} Manifest */

/**
 * The initial files from a Vite manifest: every entry chunk, its static imports (transitively) and
 * their CSS. Dynamic imports are not followed: they load later, when a route needs them.
 * @param {Manifest} manifest
 * @returns {{ js: string[], css: string[] }}
 */
export function initialFromManifest(manifest) {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('the Vite manifest has no entry chunk (isEntry)');
  const { js, css } = staticClosure(manifest, entries);
  return { js: [...js], css: [...css] };
}

/**
 * Chunks loaded on demand (a route's component, a lazily imported widget), each with what it adds
 * to the initial files: its own file, the static imports not already loaded, and their CSS.
 * @param {Manifest} manifest
 * @returns {{ name: string, js: string[], css: string[] }[]}
 */
export function lazyChunksFromManifest(manifest) {
  const initial = initialFromManifest(manifest);
  const loaded = new Set([...initial.js, ...initial.css]);
  return Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry)
    .map((key) => {
      const { js, css } = staticClosure(manifest, [key]);
      return {
        // TanStack Router splits a route file into `route.tsx?tsr-split=component` and friends.
        name: (manifest[key]?.src ?? key).replace(/\?tsr-split=([\w-]+)$/, ' ($1)'),
        js: [...js].filter((file) => !loaded.has(file)),
        css: [...css].filter((file) => !loaded.has(file)),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** @param {Manifest} manifest @param {string[]} keys */
function staticClosure(manifest, keys) {
  const js = new Set();
  const css = new Set();
  const seen = new Set();
  const stack = [...keys];
  while (stack.length > 0) {
    const key = stack.pop();
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest names ${JSON.stringify(key)} as an import but has no such chunk`);
    if (chunk.file.endsWith('.js') || chunk.file.endsWith('.mjs')) js.add(chunk.file);
    else if (chunk.file.endsWith('.css')) css.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    stack.push(...(chunk.imports ?? []));
  }
  return { js, css };
}

/**
 * The initial files from the tags Vite writes into index.html. Paths come back relative to dist/.
 * @param {string} html
 * @returns {{ js: string[], css: string[] }}
 */
export function initialFromIndexHtml(html) {
  const js = new Set();
  const css = new Set();
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = match[0];
    const attr = (name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (match[1].toLowerCase() === 'script') {
      const src = attr('src');
      if (src && attr('type') === 'module' && isLocal(src)) js.add(stripLeadingSlash(src));
      continue;
    }
    const rel = attr('rel')?.toLowerCase();
    const href = attr('href');
    if (!href || !isLocal(href)) continue;
    if (rel === 'modulepreload') js.add(stripLeadingSlash(href));
    else if (rel === 'stylesheet') css.add(stripLeadingSlash(href));
  }
  if (js.size === 0) throw new Error('index.html has no <script type="module" src="…"> entry: is this a Vite build?');
  return { js: [...js], css: [...css] };
}

/** @param {string} url */
function isLocal(url) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
}

/** @param {string} url */
function stripLeadingSlash(url) {
  return url.replace(/^\.?\//, '').split(/[?#]/)[0];
}

/**
 * @param {string} distDir
 * @param {string} file relative to distDir
 * @returns {{ file: string, raw: number, gzip: number }}
 */
export function measureFile(distDir, file) {
  const bytes = readFileSync(join(distDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** @param {{ raw: number, gzip: number }[]} files */
function total(files) {
  return files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
}

/**
 * Sizes of a build: initial JS and CSS, and every other chunk.
 * @param {string} distDir
 */
export function bundleReport(distDir) {
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  const indexFile = join(distDir, 'index.html');
  /** @type {'manifest' | 'index.html'} */
  let source;
  let initial;
  /** @type {{ name: string, js: string[], css: string[] }[]} */
  let lazy;
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    source = 'manifest';
    initial = initialFromManifest(manifest);
    lazy = lazyChunksFromManifest(manifest);
  } else if (existsSync(indexFile)) {
    source = 'index.html';
    initial = initialFromIndexHtml(readFileSync(indexFile, 'utf8'));
    const loaded = new Set([...initial.js, ...initial.css]);
    lazy = listAssets(distDir)
      // The server's renderer of the first view and the server itself: never sent to a browser.
      .filter((file) => /\.(m?js|css)$/.test(file) && !loaded.has(file) && !file.startsWith(`${RENDERER_DIR}/`) && !file.startsWith(`${SERVER_DIR}/`))
      .map((file) => ({ name: file, js: file.endsWith('.css') ? [] : [file], css: file.endsWith('.css') ? [file] : [] }));
  } else {
    throw new Error(`no build in ${distDir}: run \`npm run build\` first`);
  }
  const js = initial.js.map((file) => measureFile(distDir, file));
  const css = initial.css.map((file) => measureFile(distDir, file));
  const chunks = lazy.map((chunk) => {
    const files = [...chunk.js, ...chunk.css].map((file) => measureFile(distDir, file));
    return { name: chunk.name, files: files.map((f) => f.file), ...total(files) };
  });
  return {
    source,
    initialJs: { files: js, ...total(js) },
    initialCss: { files: css, ...total(css) },
    chunks,
    budgetGzip: INITIAL_JS_BUDGET_GZIP,
  };
}

/** @param {string} distDir */
function listAssets(distDir) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(distDir, path).split('\\').join('/'));
    }
  };
  walk(distDir);
  return out.sort();
}

/** @param {number} bytes */
export function formatKb(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

const isCli = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isCli) {
  const distDir = process.argv[2] ?? 'dist';
  let report;
  try {
    report = bundleReport(distDir);
  } catch (error) {
    process.stderr.write(`check-bundle-size: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const lines = [
    `initial JS  ${formatKb(report.initialJs.raw)} raw, ${formatKb(report.initialJs.gzip)} gzip (${report.initialJs.files.map((f) => f.file).join(', ')})`,
    `initial CSS ${formatKb(report.initialCss.raw)} raw, ${formatKb(report.initialCss.gzip)} gzip`,
    ...report.chunks.map((c) => `  lazy ${c.name}: ${formatKb(c.raw)} raw, ${formatKb(c.gzip)} gzip`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (report.initialJs.gzip > report.budgetGzip) {
    process.stderr.write(
      `check-bundle-size: initial JS is ${formatKb(report.initialJs.gzip)} gzip, over its budget of ${formatKb(report.budgetGzip)}. ` +
        'Load the heavy part lazily (a route chunk or a dynamic import) or drop the dependency; see docs/decisions/0005-benchmark-method.md.\n',
    );
    process.exit(1);
  }
  process.stdout.write(`check-bundle-size: initial JS within its budget of ${formatKb(report.budgetGzip)} gzip (read from ${report.source})\n`);
}
