// The server as `npm start` runs it: src/server bundled into <outDir>/server/ (default dist/server/)
// as plain JavaScript, so starting it compiles no TypeScript. Packages stay external: they load
// from node_modules as usual (better-sqlite3 and pg are native or large, and must not be copied).
//
// Two entries: the server, and the embedded API's worker thread body, which the server starts
// from `embedded-api-thread-entry.mjs` beside its own file (start-embedded-api-thread.ts). In the
// sources that entry registers tsx first; here it is written to load the bundled body directly.
// The demo media (voicemails, MMS pictures) are read from `demo-media/` beside the bundle
// (demo-data.ts resolves them against its own URL), so they are copied there, and so are the
// first view's inline scripts (src/server/first-view-inline-scripts.ts reads them the same way).
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_DIR = 'server';
export const SERVER_ENTRY_FILE = `${SERVER_DIR}/index.js`;
/** src/server/first-view-inline-scripts.ts's FIRST_VIEW_SCRIPTS_DIR, beside the bundle as beside that file. */
const FIRST_VIEW_SCRIPTS_DIR = 'first-view-scripts';

export async function buildServer(outDir = 'dist') {
  const target = path.resolve(ROOT, outDir, SERVER_DIR);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'src/server/index.ts', 'embedded-api-thread': 'src/server/embedded/embedded-api-thread.ts' },
    outdir: target,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
    // Packages written in CommonJS still find `require` when a bundled module needs it.
    banner: { js: "import { createRequire as __triageCreateRequire } from 'node:module'; const require = __triageCreateRequire(import.meta.url);" },
  });
  writeFileSync(path.join(target, 'embedded-api-thread-entry.mjs'), "import './embedded-api-thread.js';\n");
  cpSync(path.join(ROOT, 'src', 'server', 'db', 'demo-media'), path.join(target, 'demo-media'), { recursive: true });
  cpSync(path.join(ROOT, 'src', 'server', FIRST_VIEW_SCRIPTS_DIR), path.join(target, FIRST_VIEW_SCRIPTS_DIR), { recursive: true });
  writeFileSync(path.join(target, 'package.json'), '{ "type": "module" }\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--outDir');
  buildServer(at >= 0 ? process.argv[at + 1] : 'dist').catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
